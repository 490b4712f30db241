%% Random ROSE PDUs drawn by the oracle itself: asn1ct's value generator (asn1ct_value, what
%% asn1ct:value/2 calls; asn1ct:value/2 itself re-checks the whole module first and trips over the
%% X.880 parameterised object sets, so the build's checked database is used directly), then
%% widened, because asn1ct fills every OPTIONAL component, sets every BOOLEAN TRUE, sets one bit
%% and fills strings with prefixes of the type name:
%%   - each OPTIONAL (or DEFAULT) component is dropped with probability 1/2;
%%   - BOOLEANs are drawn;
%%   - named BIT STRINGs get a random subset of their named bits;
%%   - OCTET STRINGs get random octets (same length); unconstrained character strings get random
%%     characters of their alphabet (same length); strings with a PermittedAlphabet keep asn1ct's;
%%   - unconstrained INTEGERs are sometimes a boundary (0, +-1, 127/128, -129, +-2^31, +-(2^53-1)).
%% Values are Erlang terms of the compiled 'CSTA' module; csta_oracle.escript encodes them.
%% Built by oracle/build.sh next to the compiled ASN.1.
-module(csta_random).
-export([pdus/7]).

%% pdus(Db, Ops, Errs, Seed, Count, Kind, Name) -> [RosePdu]
%%   Kind: argument | result | event | error; Name: operation name, "category.event" or
%%   "universalFailure.category". The same (Seed, Kind, Name) always gives the same values.
pdus(Db, Ops, Errs, Seed, Count, Kind, Name) ->
    put(db, Db),
    rand:seed(exsss, {Seed, erlang:phash2({Kind, Name}), 11}),
    [pdu(Ops, Errs, Kind, Name) || _ <- lists:seq(1, Count)].

pdu(Ops, _Errs, argument, Name) ->
    {Code, _, _, Arg, _} = lists:keyfind(Name, 2, Ops),
    {invoke, invoke_envelope(#{opcode => {local, Code}, argument => draw(Arg)})};
pdu(Ops, _Errs, result, Name) ->
    {Code, _, _, _, Res} = lists:keyfind(Name, 2, Ops),
    {returnResult, #{invokeId => invoke_id(), result => #{opcode => {local, Code}, result => draw(Res)}}};
pdu(Ops, _Errs, event, Name) ->
    [Cat, Ev] = [list_to_atom(S) || S <- string:split(Name, ".")],
    {Code, _, _, Arg, _} = lists:keyfind("cSTAEventReport", 2, Ops),
    Report = draw(Arg),
    EvType = alternative_type('EventSpecificInfo', Cat, Ev),
    Value = widen(asn1ct_value:from_type('CSTA', EvType), ref(EvType)),
    {invoke, invoke_envelope(#{opcode => {local, Code}, argument => Report#{eventSpecificInfo => {Cat, {Ev, Value}}}})};
pdu(_Ops, Errs, error, Name) ->
    ["universalFailure", CatS] = string:split(Name, "."),
    Cat = list_to_atom(CatS),
    {Code, _, _, Param} = lists:keyfind("universalFailure", 2, Errs),
    CatT = component_type(def(lookup(list_to_atom(Param))), Cat),
    Value = widen(value_of(CatT), CatT),
    {returnError, #{invokeId => invoke_id(), errcode => {local, Code}, parameter => {Cat, Value}}}.

invoke_envelope(M) ->
    M1 = M#{invokeId => invoke_id()},
    case rand:uniform(6) of
        1 -> M1#{linkedId => {absent, 'NULL'}};
        2 -> M1#{linkedId => {present, rand:uniform(1000) - 1}};
        _ -> M1
    end.

invoke_id() ->
    case rand:uniform(20) of
        1 -> {absent, 'NULL'};
        _ -> {present, rand:uniform(100000) - 1}
    end.

draw(TypeName) ->
    T = list_to_atom(TypeName),
    widen(asn1ct_value:from_type('CSTA', T), ref(T)).

ref(Name) -> {type, [], {'Externaltypereference', 0, 'CSTA', Name}, [], [], no}.

%% The type name of alternative Alt of CHOICE type Choice (through one more CHOICE for events).
alternative_type(Choice, Cat, Ev) ->
    CatDef = resolve(component_type(def(lookup(Choice)), Cat)),
    type_name(component_type(CatDef, Ev)).

%% A value of a component type: asn1ct_value for a type reference; the categories of
%% UniversalFailure are inline ENUMERATEDs (drawn here from their names) and one NULL.
value_of(T) ->
    case def(T) of
        {'Externaltypereference', _, _, N} -> asn1ct_value:from_type('CSTA', N);
        {'ENUMERATED', Named} ->
            Names = [N || {N, _} <- lists:flatten([enum_list(Named)])],
            lists:nth(rand:uniform(length(Names)), Names);
        'NULL' -> 'NULL';
        Other -> error({cannot_draw, Other})
    end.

enum_list({Root, Ext}) -> [enum_list(Root), enum_list(Ext)];
enum_list(L) when is_list(L) -> L.

type_name(T) ->
    case def(T) of
        {'Externaltypereference', _, _, N} -> N;
        Other -> error({not_a_type_reference, Other})
    end.

%% ---------------------------------------------------------------- schema access
def({type, _, Def, _, _, _}) -> Def.
constraint({type, _, _, C, _, _}) -> C.

lookup(Name) ->
    [{_, {typedef, _, _, _, T}}] = ets:lookup(get(db), Name),
    T.

resolve(T) ->
    case def(T) of
        {'Externaltypereference', _, _, N} -> resolve(lookup(N));
        D -> D
    end.

components({'SEQUENCE', _, _, _, Cs}) -> flat(Cs);
components({'SET', _, _, _, Cs}) -> flat(Cs);
components({'CHOICE', Cs}) -> flat(Cs).
flat({Root, Ext}) -> flat(Root) ++ flat(Ext);
flat({Root1, Ext, Root2}) -> flat(Root1) ++ flat(Ext) ++ flat(Root2);
flat(L) when is_list(L) -> [C || C <- L, element(1, C) =:= 'ComponentType'].

component_type(Def, Name) ->
    {'ComponentType', _, Name, T, _, _, _} = lists:keyfind(Name, 3, components(Def)),
    T.

%% ---------------------------------------------------------------- widening
widen(V, T) ->
    case def(T) of
        {'Externaltypereference', _, _, N} -> widen(V, lookup(N));
        Def -> widen(V, Def, T)
    end.

widen(V, Def, _T) when element(1, Def) =:= 'SEQUENCE'; element(1, Def) =:= 'SET' ->
    lists:foldl(fun({'ComponentType', _, Name, CT, Prop, _, _}, Acc) ->
                        case maps:find(Name, Acc) of
                            error -> Acc;
                            {ok, _} when Prop =/= mandatory ->
                                case rand:uniform(2) of
                                    1 -> maps:remove(Name, Acc);
                                    2 -> Acc#{Name := widen(maps:get(Name, Acc), CT)}
                                end;
                            {ok, X} -> Acc#{Name := widen(X, CT)}
                        end
                end, V, components(Def));
widen({Alt, V}, {'CHOICE', _} = Def, _T) ->
    {Alt, widen(V, component_type(Def, Alt))};
widen(L, {Of, IT}, _T) when Of =:= 'SEQUENCE OF'; Of =:= 'SET OF' ->
    [widen(X, IT) || X <- L];
widen(B, 'BOOLEAN', _T) when is_boolean(B) ->
    rand:uniform(2) =:= 1;
widen(L, {'BIT STRING', Named}, _T) when is_list(L), Named =/= [] ->
    [bit_name(N) || N <- Named, rand:uniform(2) =:= 1];
widen(B, 'OCTET STRING', _T) when is_binary(B) ->
    << <<(rand:uniform(256) - 1)>> || _ <- lists:seq(1, byte_size(B)) >>;
widen(N, Int, T) when is_integer(N), (Int =:= 'INTEGER' orelse element(1, Int) =:= 'INTEGER') ->
    case constraint(T) =:= [] andalso rand:uniform(3) =:= 1 of
        true -> lists:nth(rand:uniform(10), [0, 1, -1, 127, 128, -129, 2147483647, -2147483648, 9007199254740991, -9007199254740991]);
        false -> N
    end;
widen(S, Str, T) when is_list(S), is_atom(Str) ->
    case {alphabet(Str), has_alphabet_constraint(constraint(T))} of
        {none, _} -> S;
        {_, true} -> S;
        {A, false} -> [lists:nth(rand:uniform(length(A)), A) || _ <- S]
    end;
widen(V, _Def, _T) -> V.

bit_name({'NamedNumber', N, _}) -> N;
bit_name({N, _}) -> N.

has_alphabet_constraint(C) ->
    lists:member('PermittedAlphabet', lists:flatten([tags_of(C)])).
tags_of(T) when is_tuple(T) -> [element(1, T) | [tags_of(X) || X <- tl(tuple_to_list(T))]];
tags_of(L) when is_list(L) -> [tags_of(X) || X <- L];
tags_of(_) -> [].

alphabet('IA5String') -> lists:seq(0, 127);
alphabet('VisibleString') -> lists:seq(32, 126);
alphabet('NumericString') -> "0123456789 ";
alphabet('PrintableString') -> "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?";
alphabet(_) -> none.
