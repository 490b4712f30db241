#!/usr/bin/env escript
%% -*- erlang -*-
%% Harness pre-processor for the Erlang/OTP asn1ct oracle (ours, not ECMA's or ITU's text).
%% usage: prepare.escript OUT_DIR SRC_DIR...
%% Copies every *.asn1 of SRC_DIRs to OUT_DIR/<ModuleName>.asn1 (asn1ct wants file = module)
%% and applies these mechanical rewrites to the copies (the committed texts stay verbatim):
%%  1. CR removed.
%%  2. '[n] IMPLICIT T' where T is a tagged CHOICE (X.680 allows it, asn1ct rejects it):
%%     rewritten to '[n] TBody' with an untagged twin 'TBody ::= CHOICE {...}' (same bytes).
%%  3. DEFAULT v -> OPTIONAL in CSTA modules, so an absent component stays absent after decode
%%     (the same rule as our schema, docs/schema.md); the bytes are identical.
%%  4. Imports from modules that are not present are dropped, and CHOICE alternatives whose type
%%     is then undefined are removed (repeatedly; an emptied CHOICE is removed too). This narrows
%%     e.g. CallControlEvents to the events whose modules we have. Any other use of a missing
%%     symbol is left in place, so erlc reports it.
%%  5. Generates CSTA-Oracle-ROS.asn1: X.880 ROS{} instantiated with every OPERATION object found,
%%     and OUT_DIR/operations.eterm: [{Code, OpName, Module, ArgType, ResultType}],
%%     OUT_DIR/errors.eterm: [{Code, ErrName, Module, ParameterType}].
%%  6. Writes OUT_DIR/CSTA.set.asn.
-mode(compile).

main([Out | Srcs]) ->
    ok = filelib:ensure_dir(filename:join(Out, "x")),
    Files = lists:sort(lists:append([filelib:wildcard(filename:join(D, "*.asn1")) || D <- Srcs])),
    Mods0 = [begin {ok, B} = file:read_file(F), T = binary_to_list(binary:replace(B, <<"\r">>, <<>>, [global])),
                   {module_name(T), T} end || F <- Files],
    Present = [M || {M, _} <- Mods0],
    Mods1 = patch_implicit_choice(Mods0),
    Mods2 = [{M, case lists:prefix("CSTA-", M) of true -> default_to_optional(T); false -> T end} || {M, T} <- Mods1],
    Mods3 = [{M, prune(M, T, Present)} || {M, T} <- Mods2],
    Ops = lists:append([operations(M, T) || {M, T} <- Mods3]),
    Errs = lists:append([errors(M, T) || {M, T} <- Mods3]),
    Ros = ros_module(Ops, Mods3),
    Mods = Mods3 ++ [{"CSTA-Oracle-ROS", Ros}],
    [ok = file:write_file(filename:join(Out, M ++ ".asn1"), T) || {M, T} <- Mods],
    ok = file:write_file(filename:join(Out, "CSTA.set.asn"), [[M, ".asn1\n"] || {M, _} <- Mods]),
    ok = file:write_file(filename:join(Out, "operations.eterm"), io_lib:format("~p.~n", [Ops])),
    ok = file:write_file(filename:join(Out, "errors.eterm"), io_lib:format("~p.~n", [Errs])),
    io:format("prepared ~b modules, ~b operations~n", [length(Mods), length(Ops)]).

strip_comments(T) ->
    %% ASN.1 comment: from -- to the next -- or the end of the line.
    re:replace(T, "--.*?(--|$)", " ", [global, multiline, {return, list}]).

module_name(T) ->
    {match, [M]} = re:run(strip_comments(T), "^\\s*([A-Z][A-Za-z0-9-]*)", [{capture, [1], list}]),
    M.

header_oid(T) ->
    case re:run(strip_comments(T), "^\\s*[A-Z][A-Za-z0-9-]*\\s*(\\{[^}]*\\})", [{capture, [1], list}]) of
        {match, [O]} -> O;
        nomatch -> ""
    end.

%% ---- 2. IMPLICIT on a tagged CHOICE ----
patch_implicit_choice(Mods) ->
    Defs = lists:append([[{Name, M, brace_block(T, Pos + Len - 1)}
                          || [{Pos, Len}, {NP, NL}] <- all(T, "^([A-Z][\\w-]*)\\s*::=\\s*\\[(?:APPLICATION\\s+)?\\d+\\]\\s*CHOICE\\s*\\{"),
                             Name <- [string:substr(T, NP + 1, NL)]] || {M, T} <- Mods]),
    lists:foldl(fun({Name, DefMod, Body}, Acc) ->
        Pat = "IMPLICIT\\s+" ++ Name ++ "\\b",
        Users = [M || {M, T} <- Acc, re:run(T, Pat) =/= nomatch],
        case Users of
            [] -> Acc;
            _ ->
                io:format("patched IMPLICIT ~s (tagged CHOICE) in ~p~n", [Name, Users]),
                [{M, patch_one(M, T, Name, DefMod, Body, lists:member(M, Users), Pat)} || {M, T} <- Acc]
        end
    end, Mods, Defs).

patch_one(M, T0, Name, DefMod, Body, IsUser, Pat) ->
    T1 = case IsUser of true -> re:replace(T0, Pat, Name ++ "Body", [global, {return, list}]); false -> T0 end,
    if M =:= DefMod ->
           T2 = insert_before_end(T1, "-- [harness] untagged twin of " ++ Name ++ " for Erlang asn1ct\n" ++ Name ++ "Body ::= CHOICE " ++ Body ++ "\n\n"),
           re:replace(T2, "\\bEXPORTS\\b", "EXPORTS " ++ Name ++ "Body,", [{return, list}]);
       IsUser ->
           re:replace(T1, "(\\b" ++ Name ++ "\\b)([^;]*?\\bFROM\\s+" ++ DefMod ++ "\\b)", "\\1, " ++ Name ++ "Body\\2", [{return, list}]);
       true -> T1
    end.

insert_before_end(T, S) ->
    {match, Ms} = re:run(T, "^END\\b", [global, multiline]),
    [{P, _}] = lists:last(Ms),
    string:substr(T, 1, P) ++ S ++ string:substr(T, P + 1).

all(T, Re) ->
    case re:run(T, Re, [global, multiline]) of {match, L} -> L; nomatch -> [] end.

brace_block(T, Pos0) -> % Pos0: 0-based offset of '{'
    Rest = lists:nthtail(Pos0, T),
    string:substr(T, Pos0 + 1, block_len(Rest, 0, 0)).
block_len([${ | R], D, N) -> block_len(R, D + 1, N + 1);
block_len([$} | _], 1, N) -> N + 1;
block_len([$} | R], D, N) -> block_len(R, D - 1, N + 1);
block_len([_ | R], D, N) -> block_len(R, D, N + 1).

%% ---- 3. DEFAULT -> OPTIONAL ----
default_to_optional(T) ->
    T1 = re:replace(T, "\\bDEFAULT\\s*\\{[^}]*\\}", "OPTIONAL", [global, {return, list}]),
    re:replace(T1, "\\bDEFAULT\\s+[-\\w:.]+", "OPTIONAL", [global, {return, list}]).

%% ---- 4. missing modules ----
prune(M, T0, Present) ->
    T = strip_comments(T0),
    case re:run(T, "\\bIMPORTS\\b(.*?);", [dotall, {capture, [1], index}]) of
        nomatch -> T0;
        {match, [{IP, IL}]} ->
            Imports = string:substr(T, IP + 1, IL),
            Clauses = all(Imports, "((?:[\\w-]+(?:\\{\\})?\\s*,\\s*)*[\\w-]+(?:\\{\\})?)\\s+FROM\\s+([A-Z][\\w-]*)(\\s*\\{[^}]*\\})?"),
            {Keep, Missing} = lists:foldl(fun([{CP, CL}, {SP, SL}, {MP, ML} | _], {K, Mi}) ->
                                                  Mod = string:substr(Imports, MP + 1, ML),
                                                  Clause = string:substr(Imports, CP + 1, CL),
                                                  Syms = [string:trim(S) || S <- string:split(string:substr(Imports, SP + 1, SL), ",", all)],
                                                  case lists:member(Mod, Present) of
                                                      true -> {[Clause | K], Mi};
                                                      false -> {K, Syms ++ Mi}
                                                  end
                                          end, {[], []}, Clauses),
            case Missing of
                [] -> T0;
                _ ->
                    Body = string:substr(T, IP + IL + 2),
                    Head = string:substr(T, 1, IP),
                    io:format("~s: dropped imports of ~b symbols from absent modules~n", [M, length(Missing)]),
                    Body1 = drop_symbols(Missing, Body, M),
                    Head ++ "\n" ++ lists:join("\n", lists:reverse(Keep)) ++ ";" ++ Body1
            end
    end.

drop_symbols([], Body, _) -> Body;
drop_symbols(Missing, Body, M) ->
    B1 = lists:foldl(fun(S, B) ->
        Alt = "[\\w-]+\\s*\\[\\s*\\d+\\s*\\]\\s*(?:IMPLICIT\\s+|EXPLICIT\\s+)?" ++ S ++ "(?![\\w-])",
        Ba = re:replace(B, ",\\s*" ++ Alt, "", [global, {return, list}]),
        re:replace(Ba, "\\{\\s*" ++ Alt ++ "\\s*,?", "{", [global, {return, list}])
    end, Body, Missing),
    Emptied = [string:substr(B1, P + 1, L) || [_, {P, L}] <- all(B1, "^([A-Z][\\w-]*)\\s*::=\\s*CHOICE\\s*\\{\\s*\\}")],
    B2 = re:replace(B1, "^[A-Z][\\w-]*\\s*::=\\s*CHOICE\\s*\\{\\s*\\}", "", [global, multiline, {return, list}]),
    case Emptied of
        [] -> B2;
        _ -> drop_symbols(Emptied, B2, M)
    end.

%% ---- 5. operation table and ROS instantiation ----
operations(M, T0) ->
    T = strip_comments(T0),
    [begin
         Name = string:substr(T, NP + 1, NL),
         Obj = brace_block(T, P + L - 1),
         Arg = field(Obj, "ARGUMENT"),
         Res = field(Obj, "RESULT"),
         {match, [C]} = re:run(Obj, "CODE\\s+local\\s*:\\s*(-?\\d+)", [{capture, [1], list}]),
         {list_to_integer(C), Name, M, Arg, Res}
     end || [{P, L}, {NP, NL}] <- all(T, "^\\s*([a-z][\\w-]*)\\s+OPERATION\\s*::=\\s*\\{")].

errors(M, T0) ->
    T = strip_comments(T0),
    [begin
         Obj = brace_block(T, P + L - 1),
         {match, [C]} = re:run(Obj, "CODE\\s+local\\s*:\\s*(-?\\d+)", [{capture, [1], list}]),
         {list_to_integer(C), string:substr(T, NP + 1, NL), M, field(Obj, "PARAMETER")}
     end || [{P, L}, {NP, NL}] <- all(T, "^\\s*([a-z][\\w-]*)\\s+ERROR\\s*::=\\s*\\{")].

field(Obj, Key) ->
    case re:run(Obj, "\\b" ++ Key ++ "\\s+([A-Z][\\w-]*)", [{capture, [1], list}]) of
        {match, [V]} -> V;
        nomatch -> none
    end.

ros_module(Ops, Mods) ->
    ByMod = lists:foldl(fun({_, N, M, _, _}, D) -> orddict:append(M, N, D) end, orddict:new(), Ops),
    Imports = [[string:join(Ns, ", "), " FROM ", M, " ", header_oid(proplists:get_value(M, Mods)), "\n"] || {M, Ns} <- ByMod],
    ["-- Harness module (ours, generated by oracle/prepare.escript): X.880 ROS{} with every CSTA operation.\n",
     "CSTA-Oracle-ROS DEFINITIONS ::=\nBEGIN\nIMPORTS\n",
     "  ROS{}, InvokeId FROM Remote-Operations-Generic-ROS-PDUs\n",
     "    {joint-iso-itu-t remote-operations(4) generic-ROS-PDUs(6) version1(0)}\n",
     "  OPERATION FROM Remote-Operations-Information-Objects\n",
     "    {joint-iso-itu-t remote-operations(4) informationObjects(5) version1(0)}\n",
     Imports, ";\n",
     "CSTA-Operations OPERATION ::= { ", string:join([N || {_, N, _, _, _} <- Ops], " |\n  "), " }\n",
     "CSTA-ROSE-PDU ::= ROS{{InvokeId}, {CSTA-Operations}, {CSTA-Operations}}\nEND\n"].
