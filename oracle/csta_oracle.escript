#!/usr/bin/env escript
%% -*- erlang -*-
%% Independent CSTA oracle: ECMA-285 + X.880 compiled by Erlang/OTP asn1ct (oracle/build.sh).
%%
%% usage: csta_oracle.escript [EBIN_DIR]      (default: <repo>/.oracle-build/erl)
%% Reads stdin line by line and answers each line with one JSON line on stdout:
%%  - a hex frame (whitespace ignored): the whole ROSE APDU is decoded with the compiled
%%    'CSTA-ROSE-PDU' (X.880 ROS{} with opcode -> argument dispatch), re-encoded, and printed as
%%      {"ok":true,"reencoded":"<hex>","value":<value in our model>}
%%  - a JSON value in our model (line starts with '{'): converted to the oracle's Erlang value
%%    and encoded:   {"ok":true,"hex":"<hex>"}
%%  - '?coverage': {"operations":[names],"errors":[names],"events":["category.alternative",...]}
%%  - '?random SEED COUNT KIND NAME' (KIND argument|result|event|error; NAME an operation,
%%    'category.event' or 'universalFailure.category'): COUNT PDUs drawn by the oracle
%%    (csta_random.erl: asn1ct's value generator, widened), each encoded and decoded again:
%%      {"ok":true,"values":[{"hex":"<encoding>","value":<its decode in our model>} | {"error":...}]}
%%  - on any failure:   {"ok":false,"error":"..."}
%%
%% Our value model (protocol/schema/codec.ts, docs/fixtures.md): SEQUENCE -> object keyed by the
%% ASN.1 identifiers, absent OPTIONALs omitted; CHOICE -> single-key object; OCTET STRING -> lower-
%% case hex; ENUMERATED and named INTEGER values -> identifier; BIT STRING -> list of set bit
%% names; NULL -> null; INTEGER -> number; character strings / GeneralizedTime -> string;
%% OBJECT IDENTIFIER -> dotted string. Conversion is driven by the types in the compiled
%% CSTA.asn1db, not by our schema. Two deliberate concessions to our model, both on the
%% ECMA-285 "replace NULL with your own type" placeholders: the 'private' NULL alternative of
%% CSTAPrivateData and SecurityInfo is shown as the open type {"tlv":"0500"}.
-mode(compile).

main(Args) ->
    Dir = case Args of
              [D | _] -> D;
              [] -> filename:join([filename:dirname(filename:dirname(filename:absname(escript:script_name()))), ".oracle-build", "erl"])
          end,
    true = code:add_patha(Dir),
    {ok, Db} = ets:file2tab(filename:join(Dir, "CSTA.asn1db")),
    {ok, [Ops]} = file:consult(filename:join(Dir, "operations.eterm")),
    {ok, [Errs]} = file:consult(filename:join(Dir, "errors.eterm")),
    put(db, Db),
    put(dir, Dir),
    put(ops, Ops),
    put(errs, Errs),
    io:setopts(standard_io, [binary]),
    loop().

loop() ->
    case io:get_line(standard_io, "") of
        eof -> ok;
        {error, _} -> ok;
        Line ->
            L = string:trim(Line),
            Out = case L of
                      <<>> -> skip;
                      <<"?coverage">> -> safe(fun coverage/0);
                      <<"?random ", Args/binary>> -> safe(fun() -> random_line(Args) end);
                      <<"{", _/binary>> -> safe(fun() -> encode_line(L) end);
                      _ -> safe(fun() -> decode_line(L) end)
                  end,
            case Out of
                skip -> ok;
                _ -> io:put_chars(standard_io, [json(Out), $\n])
            end,
            loop()
    end.

safe(F) ->
    try F()
    catch
        throw:{oracle, Why} -> {obj, [{ok, false}, {error, Why}]};
        C:R -> {obj, [{ok, false}, {error, oneline(io_lib:format("~p:~P", [C, R, 30]))}]}
    end.

fail(Fmt, Args) -> throw({oracle, oneline(io_lib:format(Fmt, Args))}).

%% Error text on one line, ASCII only (raw bytes in Erlang terms are shown as \xNN).
oneline(Chars) ->
    S = re:replace(lists:flatten(Chars), "\\s+", " ", [global, {return, list}]),
    list_to_binary([if C >= 32, C < 127 -> C; true -> io_lib:format("\\x~2.16.0b", [C band 255]) end || C <- S]).

reason({asn1, {R, Stack}}) when is_list(Stack) -> R;
reason({asn1, R}) -> R;
reason(R) -> R.

%% ---------------------------------------------------------------- decode
decode_line(L) ->
    Hex = binary:replace(L, [<<" ">>, <<"\t">>], <<>>, [global]),
    Bin = try binary:decode_hex(Hex) catch _:_ -> fail("not hex", []) end,
    case 'CSTA':decode('CSTA-ROSE-PDU', Bin) of
        {ok, V, <<>>} -> decoded(V);
        {ok, V} -> decoded(V);
        {ok, _, Rest} -> fail("~b trailing bytes", [byte_size(Rest)]);
        {error, R} -> fail("decode error: ~P", [reason(R), 30])
    end.

decoded(V) ->
    {ok, Re} = 'CSTA':encode('CSTA-ROSE-PDU', V),
    {obj, [{ok, true}, {reencoded, hex(iolist_to_binary(Re))}, {value, rose_to_model(V)}]}.

invoke_id({present, N}) -> N;
invoke_id({absent, _}) -> null.

rose_to_model({invoke, M}) ->
    {local, Code} = maps:get(opcode, M),
    {_, Name, _, Arg, _} = op_by_code(Code),
    Linked = case maps:find(linkedId, M) of
                 {ok, {present, N}} -> [{linkedId, N}];
                 {ok, {absent, _}} -> [{linkedId, null}];
                 error -> []
             end,
    Argument = case maps:find(argument, M) of
                   {ok, A} -> [{argument, to_model(A, ref(Arg))}];
                   error -> []
               end,
    {obj, [{pdu, <<"invoke">>}, {invokeId, invoke_id(maps:get(invokeId, M))}] ++ Linked ++
          [{operation, list_to_binary(Name)}] ++ Argument};
rose_to_model({returnResult, M}) ->
    Base = [{pdu, <<"returnResult">>}, {invokeId, invoke_id(maps:get(invokeId, M))}],
    case maps:find(result, M) of
        error -> {obj, Base};
        {ok, #{opcode := {local, Code}, result := R}} ->
            {_, Name, _, _, Res} = op_by_code(Code),
            {obj, Base ++ [{operation, list_to_binary(Name)}, {result, to_model(R, ref(Res))}]}
    end;
rose_to_model({returnError, M}) ->
    {local, Code} = maps:get(errcode, M),
    {_, Name, _, Param} = err_by_code(Code),
    P = case maps:find(parameter, M) of
            {ok, V} -> [{parameter, to_model(V, ref(Param))}];
            error -> []
        end,
    {obj, [{pdu, <<"returnError">>}, {invokeId, invoke_id(maps:get(invokeId, M))}, {error, list_to_binary(Name)}] ++ P};
rose_to_model({reject, M}) ->
    {Kind, P} = maps:get(problem, M),
    {obj, [{pdu, <<"reject">>}, {invokeId, invoke_id(maps:get(invokeId, M))},
           {problem, {obj, [{Kind, if is_atom(P) -> atom_to_binary(P); true -> P end}]}}]}.

op_by_code(C) ->
    case lists:keyfind(C, 1, get(ops)) of
        false -> fail("no operation with code ~p", [C]);
        Op -> Op
    end.
op_by_name(N) ->
    case lists:keyfind(binary_to_list(N), 2, get(ops)) of
        false -> fail("operation ~s not covered by the oracle", [N]);
        Op -> Op
    end.
err_by_code(C) ->
    case lists:keyfind(C, 1, get(errs)) of
        false -> fail("no error with code ~p", [C]);
        E -> E
    end.
err_by_name(N) ->
    case lists:keyfind(binary_to_list(N), 2, get(errs)) of
        false -> fail("error ~s not covered by the oracle", [N]);
        E -> E
    end.

ref(none) -> fail("operation has no such type", []);
ref(Name) -> {type, [], {'Externaltypereference', 0, 'CSTA', list_to_atom(Name)}, [], [], no}.

%% Type record: {type, Tags, Def, Constraint, TableCInf, Inlined}
def({type, _, Def, _, _, _}) -> Def;
def(Other) -> fail("unexpected type form ~P", [Other, 8]).

lookup(Name) ->
    case ets:lookup(get(db), Name) of
        [{_, {typedef, _, _, _, T}}] -> T;
        _ -> fail("type ~p not in the oracle", [Name])
    end.

components({'SEQUENCE', _, _, _, Cs}) -> flat(Cs);
components({'SET', _, _, _, Cs}) -> flat(Cs);
components({'CHOICE', Cs}) -> flat(Cs).
flat({Root, Ext}) -> flat(Root) ++ flat(Ext);
flat({Root1, Ext, Root2}) -> flat(Root1) ++ flat(Ext) ++ flat(Root2);
flat(L) when is_list(L) -> [C || C <- L, element(1, C) =:= 'ComponentType'].

%% 'ComponentType' = {'ComponentType', Pos, Name, TypeSpec, Prop, Tags, Order}
comp_type(Name, Def) ->
    case lists:keyfind(Name, 3, components(Def)) of
        false -> fail("no component ~p", [Name]);
        C -> element(4, C)
    end.

to_model(V, T) -> to_model(V, def(T), []).

to_model(V, {'Externaltypereference', _, _, Name}, _) -> to_model(V, def(lookup(Name)), Name);
to_model(V, Def, Ctx) when element(1, Def) =:= 'SEQUENCE'; element(1, Def) =:= 'SET' ->
    is_map(V) orelse fail("expected a map for ~p", [Ctx]),
    {obj, [{Name, to_model(maps:get(Name, V), T)} || {'ComponentType', _, Name, T, _, _, _} <- components(Def), maps:is_key(Name, V)]};
to_model({Alt, V}, {'CHOICE', _} = Def, Ctx) ->
    T = comp_type(Alt, Def),
    case {Alt, def(T), Ctx} of
        {private, 'NULL', Ty} when Ty =:= 'CSTAPrivateData'; Ty =:= 'SecurityInfo' -> {obj, [{private, {obj, [{tlv, <<"0500">>}]}}]};
        _ -> {obj, [{Alt, to_model(V, T)}]}
    end;
to_model(L, {Of, T}, _) when Of =:= 'SEQUENCE OF'; Of =:= 'SET OF' -> [to_model(X, T) || X <- L];
to_model(B, 'OCTET STRING', _) -> hex(B);
to_model(N, 'INTEGER', _) -> N;
to_model(N, {'INTEGER', _}, _) when is_integer(N) -> N;
to_model(A, {'INTEGER', _}, _) when is_atom(A) -> atom_to_binary(A);
to_model(A, {'ENUMERATED', _}, _) when is_atom(A) -> atom_to_binary(A);
to_model({asn1_enum, N}, {'ENUMERATED', _}, _) -> N;
to_model(L, {'BIT STRING', _}, _) when is_list(L) -> [bit_name(X) || X <- L];
to_model(B, {'BIT STRING', _}, _) when is_bitstring(B) -> hex_bits(B);
to_model(B, 'BIT STRING', _) when is_bitstring(B) -> hex_bits(B);
to_model(B, 'BOOLEAN', _) -> B;
to_model('NULL', 'NULL', _) -> null;
to_model(O, 'OBJECT IDENTIFIER', _) -> list_to_binary(lists:join(".", [integer_to_list(X) || X <- tuple_to_list(O)]));
to_model(B, 'UTF8String', _) when is_binary(B) -> B;
to_model(S, Str, _) when is_list(S), is_atom(Str) -> unicode:characters_to_binary(S);
to_model(B, Str, _) when is_binary(B), is_atom(Str) -> B;
to_model(V, Def, _) -> fail("cannot convert ~P as ~P", [V, 6, Def, 6]).

bit_name(A) when is_atom(A) -> atom_to_binary(A);
bit_name({bit, N}) -> N;
bit_name(N) -> N.

coverage() ->
    Events = try components(def(lookup('EventSpecificInfo')))
             catch throw:_ -> []
             end,
    EvNames = lists:append([[<<(atom_to_binary(Cat))/binary, ".", (atom_to_binary(Alt))/binary>>
                             || {'ComponentType', _, Alt, _, _, _, _} <- components(resolve(CT))]
                            || {'ComponentType', _, Cat, CT, _, _, _} <- Events]),
    {obj, [{operations, [list_to_binary(N) || {_, N, _, _, _} <- get(ops)]},
           {errors, [list_to_binary(N) || {_, N, _, _} <- get(errs)]},
           {events, EvNames}]}.

resolve(T) ->
    case def(T) of
        {'Externaltypereference', _, _, Name} -> resolve(lookup(Name));
        D -> D
    end.

%% ---------------------------------------------------------------- random values
random_line(Args) ->
    [SeedB, CountB, KindB, NameB] = binary:split(string:trim(Args), <<" ">>, [global, trim_all]),
    Kind = binary_to_existing_atom(KindB),
    lists:member(Kind, [argument, result, event, error]) orelse fail("bad kind ~s", [KindB]),
    init_value_db(),
    Pdus = csta_random:pdus(get(db), get(ops), get(errs), binary_to_integer(SeedB), binary_to_integer(CountB), Kind, binary_to_list(NameB)),
    {obj, [{ok, true}, {values, [random_value(P) || P <- Pdus]}]}.

%% asn1ct_value reads types through asn1_db (started once per process, on the build directory).
init_value_db() ->
    case get(value_db) of
        true -> ok;
        undefined ->
            asn1_db:dbstart([get(dir)]),
            ok = asn1_db:dbload('CSTA'),
            put(value_db, true)
    end.

random_value(P) ->
    try
        {ok, B} = 'CSTA':encode('CSTA-ROSE-PDU', P),
        Bin = iolist_to_binary(B),
        {ok, V} = case 'CSTA':decode('CSTA-ROSE-PDU', Bin) of
                      {ok, D, <<>>} -> {ok, D};
                      {ok, D} -> {ok, D};
                      Other -> fail("own encoding does not decode: ~P", [Other, 20])
                  end,
        {obj, [{hex, hex(Bin)}, {value, rose_to_model(V)}]}
    catch
        throw:{oracle, Why} -> {obj, [{error, Why}]};
        C:R -> {obj, [{error, oneline(io_lib:format("~p:~P", [C, R, 30]))}]}
    end.

%% ---------------------------------------------------------------- encode
encode_line(L) ->
    {J, _} = jparse(L),
    V = model_to_rose(J),
    case 'CSTA':encode('CSTA-ROSE-PDU', V) of
        {ok, B} -> {obj, [{ok, true}, {hex, hex(iolist_to_binary(B))}]};
        {error, R} -> fail("encode error: ~P", [reason(R), 30])
    end.

jget(K, {obj, Kv}) -> proplists:get_value(K, Kv, undefined).

rid(null) -> {absent, 'NULL'};
rid(N) when is_integer(N) -> {present, N}.

model_to_rose(J) ->
    Id = rid(jget(<<"invokeId">>, J)),
    case jget(<<"pdu">>, J) of
        <<"invoke">> ->
            {Code, _, _, Arg, _} = op_by_name(jget(<<"operation">>, J)),
            M0 = #{invokeId => Id, opcode => {local, Code}},
            M1 = case jget(<<"linkedId">>, J) of undefined -> M0; null -> M0#{linkedId => {absent, 'NULL'}}; N -> M0#{linkedId => {present, N}} end,
            M2 = case jget(<<"argument">>, J) of undefined -> M1; A -> M1#{argument => from_model(A, ref(Arg))} end,
            {invoke, M2};
        <<"returnResult">> ->
            case jget(<<"operation">>, J) of
                undefined -> {returnResult, #{invokeId => Id}};
                Name ->
                    {Code, _, _, _, Res} = op_by_name(Name),
                    {returnResult, #{invokeId => Id, result => #{opcode => {local, Code}, result => from_model(jget(<<"result">>, J), ref(Res))}}}
            end;
        <<"returnError">> ->
            {Code, _, _, Param} = err_by_name(jget(<<"error">>, J)),
            M0 = #{invokeId => Id, errcode => {local, Code}},
            {returnError, case jget(<<"parameter">>, J) of undefined -> M0; P -> M0#{parameter => from_model(P, ref(Param))} end};
        <<"reject">> ->
            {obj, [{K, P}]} = jget(<<"problem">>, J),
            {reject, #{invokeId => Id, problem => {binary_to_atom(K), if is_binary(P) -> binary_to_atom(P); true -> P end}}};
        Other -> fail("pdu ~p not supported", [Other])
    end.

from_model(V, T) -> from_model(V, def(T), []).

from_model(V, {'Externaltypereference', _, _, Name}, _) -> from_model(V, def(lookup(Name)), Name);
from_model({obj, Kv}, Def, _) when element(1, Def) =:= 'SEQUENCE'; element(1, Def) =:= 'SET' ->
    Cs = components(Def),
    maps:from_list([begin
                        K = binary_to_atom(Kb),
                        case lists:keyfind(K, 3, Cs) of
                            false -> fail("unknown component ~s", [Kb]);
                            C -> {K, from_model(Jv, element(4, C))}
                        end
                    end || {Kb, Jv} <- Kv]);
from_model({obj, [{Kb, Jv}]}, {'CHOICE', _} = Def, Ctx) ->
    Alt = binary_to_atom(Kb),
    T = comp_type(Alt, Def),
    case {Alt, def(T), Ctx, Jv} of
        {private, 'NULL', Ty, {obj, [{<<"tlv">>, <<"0500">>}]}} when Ty =:= 'CSTAPrivateData'; Ty =:= 'SecurityInfo' -> {private, 'NULL'};
        _ -> {Alt, from_model(Jv, T)}
    end;
from_model(L, {Of, T}, _) when Of =:= 'SEQUENCE OF'; Of =:= 'SET OF' -> [from_model(X, T) || X <- L];
from_model(H, 'OCTET STRING', _) -> binary:decode_hex(H);
from_model(N, 'INTEGER', _) -> N;
from_model(N, {'INTEGER', _}, _) when is_integer(N) -> N;
from_model(A, {'INTEGER', _}, _) when is_binary(A) -> binary_to_atom(A);
from_model(A, {'ENUMERATED', _}, _) when is_binary(A) -> binary_to_atom(A);
from_model(L, {'BIT STRING', _}, _) when is_list(L) -> [if is_binary(X) -> binary_to_atom(X); true -> {bit, X} end || X <- L];
from_model(B, 'BOOLEAN', _) -> B;
from_model(null, 'NULL', _) -> 'NULL';
from_model(S, 'OBJECT IDENTIFIER', _) -> list_to_tuple([binary_to_integer(X) || X <- binary:split(S, <<".">>, [global])]);
from_model(S, 'UTF8String', _) -> S;
from_model(S, Str, _) when is_binary(S), is_atom(Str) -> unicode:characters_to_list(S);
from_model(V, Def, _) -> fail("cannot convert ~P to ~P", [V, 6, Def, 6]).

%% ---------------------------------------------------------------- JSON
hex(B) -> string:lowercase(binary:encode_hex(B)).

hex_bits(B) ->
    Pad = (8 - bit_size(B) rem 8) rem 8,
    hex(<<B/bitstring, 0:Pad>>).

json({obj, Kv}) -> [${, lists:join($,, [[json_str(key(K)), $:, json(V)] || {K, V} <- Kv]), $}];
json(L) when is_list(L) -> [$[, lists:join($,, [json(X) || X <- L]), $]];
json(true) -> <<"true">>;
json(false) -> <<"false">>;
json(null) -> <<"null">>;
json(N) when is_integer(N) -> integer_to_binary(N);
json(B) when is_binary(B) -> json_str(B);
json(A) when is_atom(A) -> json_str(atom_to_binary(A)).

key(K) when is_atom(K) -> atom_to_binary(K);
key(K) -> K.

json_str(B) ->
    case re:run(B, <<"[\"\\\\\\x00-\\x1f]">>, [{capture, none}]) of
        nomatch -> [$", B, $"];
        match -> [$", [esc(C) || C <- unicode:characters_to_list(B)], $"]
    end.
esc($") -> <<"\\\"">>;
esc($\\) -> <<"\\\\">>;
esc(C) when C < 16#20 -> io_lib:format("\\u~4.16.0b", [C]);
esc(C) -> unicode:characters_to_binary([C]).

%% Minimal JSON parser: objects -> {obj, [{KeyBin, V}]} (order kept), arrays -> lists,
%% strings -> binaries (UTF-8), integers, true/false/null.
jparse(B) -> jvalue(ws(B)).

ws(<<C, R/binary>>) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r -> ws(R);
ws(B) -> B.

jvalue(<<${, R/binary>>) -> jobj(ws(R), []);
jvalue(<<$[, R/binary>>) -> jarr(ws(R), []);
jvalue(<<$", R/binary>>) -> jstr(R, []);
jvalue(<<"true", R/binary>>) -> {true, R};
jvalue(<<"false", R/binary>>) -> {false, R};
jvalue(<<"null", R/binary>>) -> {null, R};
jvalue(B) -> jnum(B, []).

jobj(<<$}, R/binary>>, Acc) -> {{obj, lists:reverse(Acc)}, R};
jobj(<<$,, R/binary>>, Acc) -> jobj(ws(R), Acc);
jobj(<<$", R/binary>>, Acc) ->
    {K, R1} = jstr(R, []),
    <<$:, R2/binary>> = ws(R1),
    {V, R3} = jvalue(ws(R2)),
    jobj(ws(R3), [{K, V} | Acc]).

jarr(<<$], R/binary>>, Acc) -> {lists:reverse(Acc), R};
jarr(<<$,, R/binary>>, Acc) -> jarr(ws(R), Acc);
jarr(B, Acc) ->
    {V, R} = jvalue(B),
    jarr(ws(R), [V | Acc]).

jstr(<<$", R/binary>>, Acc) -> {unicode:characters_to_binary(lists:reverse(Acc)), R};
jstr(<<$\\, $u, H:4/binary, R/binary>>, Acc) -> jstr(R, [binary_to_integer(H, 16) | Acc]);
jstr(<<$\\, C, R/binary>>, Acc) ->
    D = case C of $n -> $\n; $t -> $\t; $r -> $\r; $b -> $\b; $f -> $\f; _ -> C end,
    jstr(R, [D | Acc]);
jstr(<<C/utf8, R/binary>>, Acc) -> jstr(R, [C | Acc]).

jnum(<<C, R/binary>>, Acc) when (C >= $0 andalso C =< $9) orelse C =:= $- -> jnum(R, [C | Acc]);
jnum(R, Acc) when Acc =/= [] -> {list_to_integer(lists:reverse(Acc)), R};
jnum(B, _) -> fail("bad JSON at ~P", [B, 5]).
