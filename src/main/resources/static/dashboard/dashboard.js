// The ChargeFlow dashboard: widgets kept live by server-sent events, actions through the process endpoints.
// Everything a charger or user wrote reaches the page as textContent, never as markup.
(function () {
  'use strict';

  const API = '../api';
  // Required on requests that change something (protection against cross-site request forgery).
  const CSRF_HEADER = {'X-Requested-With': 'ChargeFlow-Dashboard'};
  const SESSION_STATES = {
    REQUESTED: 'Starting…', WAITING_FOR_VEHICLE: 'Waiting for the vehicle', STARTING: 'Starting…',
    CHARGING: 'Charging', STOPPING: 'Stopping…'
  };

  const chargers = new Map();
  let totals = null;
  let selected = null; // the charger id the panel shows
  let opener = null;   // the button that opened the panel, to return focus to
  let readOnlyBecause = null; // set for a user who may not change anything (an analyst)

  const $ = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined) {
        node.setAttribute(name, value);
      }
    });
    children.filter((child) => child !== null && child !== undefined)
      .forEach((child) => node.append(typeof child === 'string' ? document.createTextNode(child) : child));
    return node;
  }

  const kwh = (value) => value.toFixed(2) + ' kWh';
  const kw = (value) => value.toFixed(1) + ' kW';
  const stateClass = (state) => 'state state-' + String(state).toLowerCase();
  const chargerName = (c) => c.name || c.id;
  /** The time alone for today, else date and time. */
  const when = (iso) => {
    const at = new Date(iso);
    return at.toDateString() === new Date().toDateString() ? at.toLocaleTimeString() : at.toLocaleString();
  };

  // ------------------------------------------------------------------ the live stream

  function connect() {
    const source = new EventSource(API + '/dashboard/events');
    source.addEventListener('snapshot', (event) => {
      const data = JSON.parse(event.data);
      chargers.clear();
      data.chargers.forEach((c) => chargers.set(c.id, c));
      totals = data.totals;
      renderAll();
    });
    source.addEventListener('chargers', (event) => {
      JSON.parse(event.data).chargers.forEach((c) => {
        announceChanges(chargers.get(c.id), c);
        chargers.set(c.id, c);
        renderCharger(c);
      });
      renderSummary();
      renderPanel();
    });
    source.addEventListener('totals', (event) => {
      totals = JSON.parse(event.data);
      renderSummary();
    });
    source.addEventListener('open', () => setConnection('Live', 'live'));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (e.g. the login expired): the browser does not retry by itself.
        setConnection('Not connected: if your login expired, log in again in Tasklist and reload this page', 'down');
        window.setTimeout(connect, 10000);
      } else {
        setConnection('Reconnecting…', 'down');
      }
    });
  }

  function setConnection(text, kind) {
    const status = $('connection');
    status.textContent = text;
    status.className = 'connection connection-' + kind;
  }

  function announceChanges(before, after) {
    if (!before) {
      return;
    }
    after.connectors.forEach((connector) => {
      const previous = before.connectors.find((c) => c.connectorId === connector.connectorId);
      if (!previous || previous.state !== connector.state) {
        $('announcer').textContent = chargerName(after) + ', connector ' + connector.connectorId + ': ' + connector.state;
        if (after.id === selected) {
          $('panel-message').textContent = ''; // the outcome of the last action is history now
        }
      }
    });
  }

  // ------------------------------------------------------------------ widgets, grouped by location

  function groupKey(c) {
    return c.locationId == null ? 'unassigned' : 'location-' + c.locationId;
  }

  /** The group the page is limited to ('' for all), kept in the address (?location=<id> or ?location=unassigned). */
  function shownGroup() {
    const value = new URLSearchParams(window.location.search).get('location') || '';
    return value === '' || value === 'unassigned' ? value : 'location-' + value;
  }

  function isShown(c) {
    return shownGroup() === '' || shownGroup() === groupKey(c);
  }

  function renderAll() {
    const groups = new Map();
    [...chargers.values()].sort((a, b) => chargerName(a).localeCompare(chargerName(b))).forEach((c) => {
      const key = groupKey(c);
      if (!groups.has(key)) {
        groups.set(key, {title: c.locationId == null ? 'Unassigned' : c.locationName, members: []});
      }
      groups.get(key).members.push(c);
    });
    const ordered = [...groups.entries()].sort(([keyA, a], [keyB, b]) =>
      (keyA === 'unassigned') - (keyB === 'unassigned') || a.title.localeCompare(b.title));
    renderLocationFilter(ordered);
    const container = $('locations');
    container.replaceChildren(...ordered.filter(([key]) => shownGroup() === '' || shownGroup() === key).map(([key, group]) => {
      const heading = el('h2', {id: key + '-title'}, group.title);
      const grid = el('div', {class: 'grid'});
      group.members.forEach((c) => grid.append(widget(c)));
      return el('section', {class: 'location', 'data-group': key, 'aria-labelledby': key + '-title'}, heading, grid);
    }));
    $('no-chargers').hidden = chargers.size > 0;
    renderSummary();
    renderPanel();
  }

  function renderLocationFilter(groups) {
    const select = $('location-filter');
    const options = [el('option', {value: ''}, 'All locations')].concat(groups.map(([key, group]) =>
      el('option', {value: key === 'unassigned' ? key : key.substring('location-'.length)}, group.title)));
    const wanted = new URLSearchParams(window.location.search).get('location') || '';
    if (!options.some((option) => option.value === wanted)) {
      options.push(el('option', {value: wanted}, 'Location ' + wanted + ' (no chargers)'));
    }
    select.replaceChildren(...options);
    select.value = wanted;
  }

  /** Updates the widget in place (keeping its Manage button, and the focus on it); a new or moved charger redraws all. */
  function renderCharger(c) {
    const existing = document.querySelector('article[data-charger-id="' + CSS.escape(c.id) + '"]');
    if (!existing && !isShown(c)) {
      return;
    }
    if (!existing || existing.closest('section.location').dataset.group !== groupKey(c)) {
      renderAll();
      return;
    }
    fillWidget(existing, c);
  }

  function widget(c) {
    const manage = el('button', {type: 'button', class: 'manage', 'aria-label': 'Manage ' + chargerName(c)}, '⚙ Manage');
    manage.addEventListener('click', () => openPanel(c.id, manage));
    const article = el('article', {class: 'charger', 'data-charger-id': c.id},
      el('header', {},
        el('div', {},
          el('h3', {class: 'charger-name'}),
          el('p', {class: 'charger-id'})),
        el('span', {class: 'charger-state', 'data-role': 'charger-state'}),
        manage),
      el('p', {class: 'last-seen'}),
      el('ul', {class: 'connectors'}));
    fillWidget(article, c);
    return article;
  }

  function fillWidget(article, c) {
    article.querySelector('.charger-name').textContent = chargerName(c);
    article.querySelector('.charger-id').textContent = c.name ? c.id : '';
    article.querySelector('.last-seen').textContent = !c.connected && c.lastSeen ? 'Last seen ' + when(c.lastSeen) : '';
    const state = article.querySelector('.charger-state');
    state.textContent = c.state;
    state.className = 'charger-state ' + stateClass(c.state);
    article.classList.toggle('disconnected', !c.connected);
    const list = article.querySelector('.connectors');
    list.replaceChildren(...c.connectors.map(connectorItem));
    if (c.connectors.length === 0) {
      list.append(el('li', {class: 'connector muted'},
        c.connected ? 'No connector reported yet' : 'Disconnected: no connector reported yet'));
    }
  }

  function connectorItem(connector) {
    const detail = connector.errorCode && connector.errorCode !== 'NoError' ? ' (' + connector.errorCode + ')' : '';
    const item = el('li', {class: 'connector', 'data-connector-id': connector.connectorId},
      el('div', {class: 'connector-head'},
        el('span', {}, 'Connector ' + connector.connectorId),
        el('span', {class: stateClass(connector.state), 'data-role': 'connector-state'}, connector.state + detail)));
    if (connector.session) {
      item.append(sessionBlock(connector.session, connector.state !== 'Disconnected'));
    }
    return item;
  }

  /** Without the charger's connection, the last power reading says nothing about now: it is left out. */
  function sessionBlock(session, live) {
    const facts = el('dl', {class: 'session', 'data-session-id': session.id});
    const fact = (term, value, role) => facts.append(el('div', {}, el('dt', {}, term), el('dd', {'data-role': role}, value)));
    fact('Session', (SESSION_STATES[session.state] || session.state) + (live ? '' : ', charger offline'), 'session-state');
    if (live && session.powerKw != null) {
      fact('Power', kw(session.powerKw), 'power');
    }
    fact('Energy', kwh(session.energyKwh) + (session.energyTargetKwh != null
      ? ' of ' + kwh(Number(session.energyTargetKwh)) : ''), 'energy');
    if (session.description) {
      fact('Description', session.description, 'description');
    }
    const block = el('div', {}, facts);
    if (session.progressPercent != null) {
      block.append(el('progress', {max: 100, value: session.progressPercent,
        'aria-label': 'Progress toward the energy target: ' + session.progressPercent + '%'}));
    }
    return block;
  }

  /** Everything counts the chargers shown: all, or those of the location the page is limited to. */
  function renderSummary() {
    if (totals) {
      const shown = totals.locations.filter((t) => isShown({locationId: t.locationId}));
      $('total-sessions').textContent = String(shown.reduce((sum, t) => sum + t.sessions, 0));
      $('total-energy').textContent = kwh(shown.reduce((sum, t) => sum + t.energyKwh, 0));
    }
    const all = [...chargers.values()].filter(isShown);
    $('charging-now').textContent = String(all.flatMap((c) => c.connectors)
      .filter((connector) => connector.state === 'Charging').length);
    $('chargers-online').textContent = all.filter((c) => c.connected).length + ' of ' + all.length;
  }

  // ------------------------------------------------------------------ the panel: start, stop, reset

  function openPanel(chargerId, button) {
    selected = chargerId;
    opener = button;
    $('panel-message').textContent = '';
    clearFieldErrors();
    $('connector').replaceChildren();
    $('panel').hidden = false;
    document.body.classList.add('panel-open');
    renderPanel();
    $('panel-title').focus();
  }

  function closePanel() {
    selected = null;
    $('panel').hidden = true;
    document.body.classList.remove('panel-open');
    if (opener && opener.isConnected) {
      opener.focus();
    }
  }

  function selectedConnector(c) {
    const id = Number($('connector').value);
    return c.connectors.find((connector) => connector.connectorId === id);
  }

  /** Only states, texts and the options change: what the operator typed stays. */
  function renderPanel() {
    const c = selected && chargers.get(selected);
    if (!c) {
      return;
    }
    $('panel-title').textContent = chargerName(c);
    $('panel-state').textContent = (c.name ? c.id + ' · ' : '') + c.state;
    const select = $('connector');
    const chosen = select.value;
    select.replaceChildren(...c.connectors.map((connector) =>
      el('option', {value: connector.connectorId}, connector.connectorId + ' · ' + connector.state)));
    const preferred = c.connectors.find((connector) => connector.startBlockedBecause == null || connector.session);
    if (c.connectors.some((connector) => String(connector.connectorId) === chosen)) {
      select.value = chosen;
    } else if (preferred) {
      select.value = String(preferred.connectorId);
    }
    const connector = selectedConnector(c);
    setAction('start', connector ? connector.startBlockedBecause : noConnector(c));
    setAction('stop', connector ? connector.stopBlockedBecause : noConnector(c));
    setAction('reset', c.resetBlockedBecause);
  }

  function noConnector(c) {
    return c.connected ? 'The charger has not reported a connector yet'
      : 'Charger ' + c.id + ' is disconnected: no action is possible until it reconnects';
  }

  function setAction(name, blockedBecause) {
    const button = $(name);
    if (button.dataset.busy) {
      return;
    }
    const why = readOnlyBecause || blockedBecause;
    button.disabled = why != null;
    button.title = why || '';
    $(name + '-why').textContent = why || '';
  }

  /** An analyst watches: the panel shows what an operator could do, with every action inactive. */
  async function loadUser() {
    try {
      const response = await fetch(API + '/me', {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
      if (response.ok) {
        const user = await response.json();
        readOnlyBecause = user.mayChange ? null
          : 'Your account (' + user.id + ') may only watch: starting, stopping and resetting need the operators group';
        renderPanel();
      }
    } catch (unreachable) {
      // The stream reports a server that cannot be reached.
    }
  }

  async function act(name, busyText, request) {
    const button = $(name);
    const label = button.textContent;
    button.dataset.busy = 'true';
    button.disabled = true;
    button.textContent = busyText;
    $('panel-message').textContent = '';
    try {
      const response = await request();
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        showMessage(body.message || 'Done', 'ok');
        return true;
      }
      if (response.status === 401) {
        showMessage('Your login has expired: log in again in Tasklist, then reload this page.', 'error');
      } else if (body.field && $(body.field + '-error')) {
        showFieldError(body.field, body.message);
      } else {
        showMessage(body.message || ('The request failed (' + response.status + ')'), 'error');
      }
      return false;
    } catch (failure) {
      showMessage('The server could not be reached: ' + failure.message, 'error');
      return false;
    } finally {
      delete button.dataset.busy;
      button.textContent = label;
      renderPanel();
    }
  }

  function post(path, body) {
    return fetch(API + path, {
      method: 'POST', credentials: 'same-origin',
      headers: Object.assign({'Content-Type': 'application/json', 'Accept': 'application/json'}, CSRF_HEADER),
      body: JSON.stringify(body || {})
    });
  }

  /** A plain number goes as a number; anything else as typed, so that the process names what is wrong with it. */
  function amount(id) {
    const text = $(id).value.trim();
    if (text === '') {
      return null;
    }
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : text;
  }

  function showMessage(text, kind) {
    const message = $('panel-message');
    message.textContent = text;
    message.className = 'panel-message panel-message-' + kind;
  }

  function showFieldError(field, text) {
    const input = $(field);
    input.setAttribute('aria-invalid', 'true');
    $(field + '-error').textContent = text;
    input.focus();
  }

  function clearFieldErrors() {
    ['description', 'sessionPowerKw', 'sessionEnergyKwh'].forEach((field) => {
      $(field).removeAttribute('aria-invalid');
      $(field + '-error').textContent = '';
    });
  }

  function wirePanel() {
    $('panel-close').addEventListener('click', closePanel);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !$('panel').hidden) {
        closePanel();
      }
    });
    $('connector').addEventListener('change', renderPanel);
    $('location-filter').addEventListener('change', (event) => {
      const url = new URL(window.location.href);
      if (event.target.value) {
        url.searchParams.set('location', event.target.value);
      } else {
        url.searchParams.delete('location');
      }
      window.history.replaceState(null, '', url);
      renderAll(); // and the summary, for the chargers now shown
    });
    $('start-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFieldErrors();
      const c = chargers.get(selected);
      const started = await act('start', 'Starting…', () => post('/sessions', {
        chargerId: c.id,
        connectorId: Number($('connector').value),
        description: $('description').value,
        sessionPowerKw: amount('sessionPowerKw'),
        sessionEnergyKwh: amount('sessionEnergyKwh')
      }));
      if (started) {
        ['description', 'sessionPowerKw', 'sessionEnergyKwh'].forEach((field) => { $(field).value = ''; });
      }
    });
    $('stop').addEventListener('click', () => {
      const connector = selectedConnector(chargers.get(selected));
      act('stop', 'Stopping…', () => post('/sessions/' + encodeURIComponent(connector.session.id) + '/stop'));
    });
    $('reset').addEventListener('click', () => {
      const type = document.querySelector('input[name="resetType"]:checked').value;
      act('reset', 'Resetting…', () => post('/chargers/' + encodeURIComponent(selected) + '/reset', {resetType: type}));
    });
  }

  wirePanel();
  connect();
  loadUser();
}());
