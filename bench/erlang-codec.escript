#!/usr/bin/env escript
%% -*- erlang -*-
%%! +S 1:1 +sbwt none +sbwtdcpu none +sbwtdio none
%% Erlang/OTP asn1ct's BER codec (the oracle, built by oracle/build.sh) as a benchmark reference,
%% driven by bench/erlang.ts over stdin/stdout so it runs interleaved with csta-link's cases.
%%
%% usage: erlang-codec.escript EBIN_DIR
%% protocol (one line each way):
%%   > frames HEX,HEX,...      < ready I,J,...  (indices of the frames asn1ct decodes and re-encodes
%%                                              to the same bytes; only those are timed)
%%   > decode MS | encode MS   < OPS CPU_MICROSECONDS (whole passes over the ready frames, for >= MS ms
%%                                                  of wall time; CPU time at millisecond resolution)
-mode(compile).

main([Dir]) ->
    true = code:add_patha(Dir),
    io:setopts(standard_io, [binary]),
    loop([], []).

loop(Bins, Vals) ->
    case io:get_line(standard_io, "") of
        eof -> ok;
        {error, _} -> ok;
        Line ->
            case string:split(string:trim(Line), " ") of
                [<<"frames">>, List] ->
                    Hexes = [H || H <- binary:split(List, <<",">>, [global]), H =/= <<>>],
                    Ok = ready(Hexes, 0, []),
                    io:put_chars(standard_io, ["ready ", lists:join(",", [integer_to_list(I) || {I, _, _} <- Ok]), $\n]),
                    loop([B || {_, B, _} <- Ok], [V || {_, _, V} <- Ok]);
                [<<"decode">>, Ms] ->
                    reply(timed(fun() -> [decode(B) || B <- Bins] end, length(Bins), binary_to_integer(Ms))),
                    loop(Bins, Vals);
                [<<"encode">>, Ms] ->
                    reply(timed(fun() -> [encode(V) || V <- Vals] end, length(Vals), binary_to_integer(Ms))),
                    loop(Bins, Vals);
                _ ->
                    io:put_chars(standard_io, "error\n"),
                    loop(Bins, Vals)
            end
    end.

ready([], _, Acc) -> lists:reverse(Acc);
ready([H | T], I, Acc) ->
    Next = try
               B = binary:decode_hex(H),
               V = decode(B),
               B = iolist_to_binary(encode(V)),
               [{I, B, V} | Acc]
           catch _:_ -> Acc
           end,
    ready(T, I + 1, Next).

decode(B) ->
    case 'CSTA':decode('CSTA-ROSE-PDU', B) of
        {ok, V, <<>>} -> V;
        {ok, V} -> V
    end.

encode(V) ->
    {ok, B} = 'CSTA':encode('CSTA-ROSE-PDU', V),
    B.

%% CPU time of the VM (statistics(runtime), all schedulers), like the Node side's cpuUsage().
timed(F, PerPass, Ms) ->
    {R0, _} = statistics(runtime),
    T0 = erlang:monotonic_time(microsecond),
    Until = T0 + Ms * 1000,
    N = passes(F, Until, 0),
    {R1, _} = statistics(runtime),
    {N * PerPass, max(1, R1 - R0) * 1000}.

passes(F, Until, N) ->
    F(),
    case erlang:monotonic_time(microsecond) >= Until of
        true -> N + 1;
        false -> passes(F, Until, N + 1)
    end.

reply({Ops, Us}) -> io:put_chars(standard_io, [integer_to_list(Ops), " ", integer_to_list(Us), $\n]).
