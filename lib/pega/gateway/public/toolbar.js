// Demo CTI toolbar for the csta-link Pega gateway. Plain browser JavaScript, no build step.
// Speaks only the gateway protocol (docs/pega-gateway.md): {id, request} out; {id, result} and {event} in.
'use strict';

(function toolbar() {
  const SUBPROTOCOL = 'pega-gateway.v1';
  const $ = (id) => document.getElementById(id);

  /** @type {WebSocket | undefined} */
  let socket;
  let nextId = 1;
  /** Requests waiting for their result: id → action. */
  const pending = new Map();
  /** Calls by pyCallId: { state, ani, callType, otherDN, order }. */
  const calls = new Map();
  let order = 0;
  const ENDED = new Set(['Disconnected', 'Abandoned']);

  function log(text, isError) {
    const line = document.createElement('div');
    if (isError) line.className = 'err';
    line.textContent = `${new Date().toISOString().slice(11, 23)} ${text}`;
    const box = $('log');
    box.appendChild(line);
    while (box.childNodes.length > 500) box.removeChild(box.firstChild);
    box.scrollTop = box.scrollHeight;
  }

  /** The call the buttons act on: the newest call not ended, or undefined. */
  function currentCall(preferStates) {
    let best;
    for (const [callId, call] of calls) {
      if (ENDED.has(call.state)) continue;
      if (preferStates && !preferStates.includes(call.state)) continue;
      if (best === undefined || call.order > best.call.order) best = { callId, call };
    }
    if (best === undefined && preferStates) return currentCall(undefined);
    return best;
  }

  /** The newest live call in one of `states` (any live call without `states`); no fallback. */
  function liveCall(states) {
    let best;
    for (const [callId, call] of calls) {
      if (ENDED.has(call.state) || (states && !states.includes(call.state))) continue;
      if (best === undefined || call.order > best.call.order) best = { callId, call };
    }
    return best;
  }

  /** A held call and an active one: what transfer and conference complete. */
  function consultPair() {
    const held = liveCall(['Held']);
    const active = liveCall(['Established', 'Connected', 'Retrieved', 'Alerting', 'Dialing', 'Initiated']);
    return held && active && held.callId !== active.callId ? { held, active } : undefined;
  }

  /** mm:ss since the shown call was answered (it stops when the call ends). */
  function renderTimer() {
    const shown = shownCall();
    const since = shown && shown.call.connectedAt;
    if (!since) {
      $('call-timer').textContent = '-';
      return;
    }
    const end = ENDED.has(shown.call.state) ? shown.call.endedAt ?? Date.now() : Date.now();
    const s = Math.max(0, Math.floor((end - since) / 1000));
    $('call-timer').textContent = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }

  /** The call shown: the current one, or the last one to change (to show how it ended). */
  function shownCall() {
    const current = currentCall(undefined);
    if (current) return current;
    let last;
    for (const [callId, call] of calls) if (last === undefined || call.order > last.call.order) last = { callId, call };
    return last;
  }

  function render() {
    const open = socket !== undefined && socket.readyState === WebSocket.OPEN;
    const shown = shownCall();
    $('call-state').textContent = shown ? shown.call.state : '-';
    $('call-id').textContent = shown ? shown.callId : '-';
    $('call-ani').textContent = shown && shown.call.ani ? shown.call.ani : '-';
    $('call-type').textContent = shown && shown.call.callType ? shown.call.callType : '-';
    $('call-other').textContent = shown && shown.call.otherDN ? shown.call.otherDN : '-';
    // Buttons follow the call and agent state: Answer only with a ringing call, Retrieve only
    // with a held one, Transfer/Conference only with a held call and an active consultation.
    for (const button of document.querySelectorAll('button[data-needs]')) {
      const states = button.dataset.states ? button.dataset.states.split(' ') : undefined;
      let enabled = open;
      if (button.dataset.needs === 'call') enabled = enabled && liveCall(states) !== undefined;
      if (button.dataset.needs === 'two-calls') enabled = enabled && consultPair() !== undefined;
      button.disabled = !enabled;
    }
    renderTimer();
    $('connect').disabled = open;
    $('disconnect').disabled = !open;
  }

  /** A snapshot lists the calls at the device: it replaces what we knew (ANI and type are kept). */
  function syncCalls(list) {
    const fresh = new Map();
    for (const item of list) {
      if (!item || typeof item.pyCallId !== 'string') continue;
      const known = calls.get(item.pyCallId) ?? {};
      fresh.set(item.pyCallId, {
        state: item.pyCallState,
        ani: known.ani,
        callType: known.callType,
        otherDN: item.pyOtherDN || known.otherDN,
        connectedAt: known.connectedAt,
        order: ++order,
      });
    }
    calls.clear();
    for (const [id, call] of fresh) calls.set(id, call);
  }

  function onEvent(event) {
    log(`event ${JSON.stringify(event)}`);
    switch (event.pyEventType) {
      case 'CallStateEvent': {
        const callId = String(event.pyCallId ?? '');
        const call = calls.get(callId) ?? {};
        call.state = event.pyEventName;
        if (event.pyEventName === 'Established' && !call.connectedAt) call.connectedAt = Date.now();
        if (ENDED.has(event.pyEventName)) call.endedAt = Date.now();
        if (event.pyANI) call.ani = event.pyANI;
        if (event.pyCallType) call.callType = event.pyCallType;
        if (event.pyOtherDN) call.otherDN = event.pyOtherDN;
        call.order = ++order;
        calls.set(callId, call);
        // Forget ended calls except the last one, so the map stays small.
        for (const [id, c] of calls) if (ENDED.has(c.state) && c.order < order) calls.delete(id);
        break;
      }
      case 'AgentStateEvent':
        $('agent-state').textContent = event.pyEventName + (event.pyReasonCode ? ` (${event.pyReasonCode})` : '');
        break;
      case 'SnapshotEvent':
        if (event.pyLinkState) $('link-state').textContent = event.pyLinkState;
        if (event.pyAgentState) $('agent-state').textContent = event.pyAgentState + (event.pyReasonCode ? ` (${event.pyReasonCode})` : '');
        if (Array.isArray(event.pyCalls)) syncCalls(event.pyCalls);
        break;
      default:
        break;
    }
    render();
  }

  function onResult(id, result) {
    const action = pending.get(id) ?? '?';
    pending.delete(id);
    if (result && result.errCode) {
      $('last-result').textContent = `${action}: ${result.errCode}`;
      log(`${action} failed: ${result.errCode} ${result.errMessage ?? ''}`, true);
    } else {
      $('last-result').textContent = `${action}: ok`;
      log(`${action} ok`);
    }
  }

  function send(request) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      log('not connected', true);
      return;
    }
    const id = nextId++;
    pending.set(id, request.action);
    socket.send(JSON.stringify({ id, request }));
    log(`→ ${request.action}`);
  }

  function connect() {
    const token = $('token').value.trim();
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(token)) {
      log('enter a token (letters, digits and -._~ only)', true);
      return;
    }
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/cti`;
    $('status').textContent = 'connecting';
    const ws = new WebSocket(url, [SUBPROTOCOL, `bearer.${token}`]);
    socket = ws;
    let opened = false;
    ws.addEventListener('open', () => {
      opened = true;
      $('status').textContent = 'connected';
      log('connected');
      render();
    });
    ws.addEventListener('message', (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch {
        log('gateway sent a frame that is not JSON', true);
        return;
      }
      if (data && typeof data === 'object' && 'event' in data) onEvent(data.event);
      else if (data && typeof data === 'object' && 'result' in data) onResult(data.id, data.result);
    });
    ws.addEventListener('close', (e) => {
      if (socket === ws) socket = undefined;
      pending.clear();
      $('status').textContent = opened ? 'disconnected' : 'refused';
      // Browsers hide the HTTP status of a failed upgrade: 401 (bad token) looks like any other failure.
      if (!opened) log('could not connect: token refused or gateway unreachable', true);
      else log(`disconnected (${e.code}${e.reason ? ` ${e.reason}` : ''})`, e.code !== 1000);
      render();
    });
  }

  function withCall(action, extra, preferStates) {
    const current = currentCall(preferStates);
    if (!current) {
      log(`${action}: no call`, true);
      return;
    }
    send(Object.assign({ action, callId: current.callId }, extra));
  }

  function value(id) {
    return $(id).value.trim();
  }

  $('connect').addEventListener('click', connect);
  $('disconnect').addEventListener('click', () => socket && socket.close(1000, 'toolbar disconnect'));
  $('login').addEventListener('click', () => {
    const password = $('password').value;
    send(password ? { action: 'login', password } : { action: 'login' });
  });
  $('logout').addEventListener('click', () => send({ action: 'logout' }));
  $('ready').addEventListener('click', () => send({ action: 'agentReady' }));
  $('not-ready').addEventListener('click', () => {
    const reasonCode = value('reason');
    send(reasonCode ? { action: 'agentNotReady', reasonCode } : { action: 'agentNotReady' });
  });
  $('wrap-up').addEventListener('click', () => send({ action: 'wrapUp' }));
  $('answer').addEventListener('click', () => withCall('answerCall', {}, ['Alerting']));
  $('hangup').addEventListener('click', () => withCall('hangUpCall', {}, undefined));
  $('hold').addEventListener('click', () => withCall('holdCall', {}, ['Established', 'Connected', 'Retrieved']));
  $('retrieve').addEventListener('click', () => withCall('retrieveCall', {}, ['Held']));
  $('make-call').addEventListener('click', () => {
    const destination = value('destination');
    if (destination) send({ action: 'makeCall', destination });
    else log('makeCall: enter a number', true);
  });
  $('blind-transfer').addEventListener('click', () => {
    const destination = value('destination');
    if (destination) withCall('blindTransfer', { destination }, ['Established', 'Connected', 'Retrieved', 'Held']);
    else log('blindTransfer: enter a number', true);
  });
  $('consult').addEventListener('click', () => {
    const destination = value('destination');
    if (destination) withCall('consultationCall', { destination }, ['Established', 'Connected', 'Retrieved']);
    else log('consultationCall: enter a number', true);
  });
  for (const [id, action] of [['transfer-complete', 'transferComplete'], ['conference-complete', 'conferenceComplete']]) {
    $(id).addEventListener('click', () => {
      const pair = consultPair();
      if (pair) send({ action, callId: pair.held.callId, consultCallId: pair.active.callId });
      else log(`${action}: needs a held call and a consultation call`, true);
    });
  }
  setInterval(renderTimer, 1000);
  $('send-dtmf').addEventListener('click', () => {
    const digits = value('digits');
    if (digits) withCall('sendDTMF', { digits }, ['Established', 'Connected', 'Retrieved', 'Held']);
    else log('sendDTMF: enter digits', true);
  });

  // A token in the URL fragment (#token=...) is never sent to the server; handy for demos.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) $('token').value = fragment.get('token');
  render();
})();
