/*
 * SupportBot website widget: the Bot Framework Web Chat bundle served by the SupportBot server, talking to its
 * built-in Direct Line endpoint. Put one tag on any page:
 *
 *   <script src="https://support.example.com/widget/embed.js" async></script>
 *
 * Options, as data- attributes on that tag:
 *   data-mode       "bubble" (default): a chat button in the corner that opens a panel; "page": fill data-target
 *   data-target     CSS selector of the element the chat fills in page mode (default "#webchat")
 *   data-token-url  your own server's endpoint that mints a token for a signed-in customer (it calls SupportBot's
 *                   POST /v3/directline/tokens/generate with the Direct Line secret and returns its JSON);
 *                   default: SupportBot's anonymous POST /directline/token
 *   data-name       display name for an anonymous visitor
 *   data-transport  "websocket" (default) or "polling"
 *
 * A conversation survives a page reload (sessionStorage, per tab): the widget reconnects with its conversation id and
 * replays the history once.
 *
 * A colleague who takes over the chat speaks under their own name and id (from.id "agent:…", role "bot"). The widget
 * shows their initials where the bot's avatar would be and their name under their messages, and lets their messages
 * start a group of their own (Web Chat groups by role alone, which would put them under the bot's avatar).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var origin = new URL(script.src, window.location.href).origin;
  var options = script.dataset;
  var pageMode = options.mode === 'page';
  var query = new URLSearchParams(window.location.search);
  var storageKey = 'supportbot.conversation:' + origin;
  var refreshEveryMs = 10 * 60 * 1000;

  function setting(name) {
    // The built-in page at / also takes its options from the address (?name=Dana&transport=polling).
    return options[name] || (pageMode ? query.get(name) : null) || null;
  }

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = origin + path;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error('The chat widget could not be loaded from ' + origin + '.')); };
      document.head.appendChild(tag);
    });
  }

  // Web Chat takes the page's React when there is one, so React loads first (a page with its own keeps it); the
  // colleague's avatar is drawn with it.
  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve();
    }

    return (window.React ? Promise.resolve() : loadScript('/widget/react.js')).then(function () {
      return loadScript('/widget/webchat.js');
    });
  }

  var agentIdPrefix = 'agent:';

  function fromAgent(activity) {
    var from = activity && activity.from;
    return !!(from && from.role === 'bot' && typeof from.id === 'string' && from.id.indexOf(agentIdPrefix) === 0 && from.name);
  }

  function initials(name) {
    var words = name.trim().split(/\s+/);
    var first = Array.from(words[0])[0] || '';
    var last = words.length > 1 ? Array.from(words[words.length - 1])[0] : '';
    return (first + last).toUpperCase();
  }

  // Who said it: the customer, the bot, or one colleague or another.
  function speaker(activity) {
    return ((activity.from && activity.from.role) || '') + '|' + (fromAgent(activity) ? activity.from.id : '');
  }

  function splitBySpeaker(groups) {
    var split = [];
    (groups || []).forEach(function (group) {
      var current = null;
      group.forEach(function (activity) {
        if (!current || speaker(current[current.length - 1]) !== speaker(activity)) {
          current = [];
          split.push(current);
        }

        current.push(activity);
      });
    });
    return split;
  }

  function groupActivitiesMiddleware() {
    return function (next) {
      return function (args) {
        var grouped = next(args);
        return Object.assign({}, grouped, { sender: splitBySpeaker(grouped.sender), status: splitBySpeaker(grouped.status) });
      };
    };
  }

  function avatarMiddleware(React) {
    return function () {
      return function (next) {
        return function (args) {
          if (args.fromUser || !fromAgent(args.activity)) {
            return next(args);
          }

          var options = args.styleOptions || {};
          var size = options.avatarSize || 40;
          var name = args.activity.from.name;
          return function () {
            return React.createElement('div', {
              className: 'supportbot-agent-avatar',
              'aria-hidden': true,
              title: name,
              style: {
                width: size, height: size, borderRadius: options.avatarBorderRadius || '50%', display: 'flex',
                alignItems: 'center', justifyContent: 'center', background: '#107C10', color: '#FFFFFF',
                fontFamily: options.primaryFont, fontSize: Math.round(size * 0.35), fontWeight: 600, overflow: 'hidden'
              }
            }, initials(name));
          };
        };
      };
    };
  }

  function activityStatusMiddleware(React) {
    return function () {
      return function (next) {
        return function (args) {
          var status = next(args);
          if (!fromAgent(args.activity) || args.hideTimestamp) {
            return status;
          }

          return React.createElement('span', { className: 'supportbot-agent-name' }, args.activity.from.name, status ? ' · ' : null, status || null);
        };
      };
    };
  }

  async function postJson(url, headers, body, credentials) {
    var response = await fetch(url, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
      body: body ? JSON.stringify(body) : '{}',
      credentials: credentials || 'omit'
    });
    if (!response.ok) {
      var error = new Error(url + ' answered ' + response.status);
      if (response.status === 429) {
        // Too many chats started: the server says why and when to come back, in words a visitor reads.
        try {
          error.readable = (await response.json()).error.message;
        } catch (e) {
          error.readable = 'The chat is busy right now. Please try again in a few minutes.';
        }
      }

      throw error;
    }

    return response.json();
  }

  function save(conversation) {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify({ conversationId: conversation.conversationId, token: conversation.token }));
    } catch (e) {
      // Private browsing without storage: the chat works, it just does not survive a reload.
    }
  }

  function saved() {
    try {
      return JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
    } catch (e) {
      return null;
    }
  }

  async function refresh(token) {
    return postJson(origin + '/v3/directline/tokens/refresh', { Authorization: 'Bearer ' + token });
  }

  // Resume this tab's conversation when its token can still be refreshed; otherwise mint a token for a new one.
  async function connect() {
    var previous = saved();
    if (previous && previous.token && previous.conversationId) {
      try {
        var refreshed = await refresh(previous.token);
        save(refreshed);
        return { token: refreshed.token, conversationId: refreshed.conversationId, resume: true };
      } catch (e) {
        window.sessionStorage.removeItem(storageKey);
      }
    }

    var tokenUrl = setting('tokenUrl');
    var name = setting('name');
    var minted = await postJson(tokenUrl || origin + '/directline/token', {}, name ? { name: name } : null, tokenUrl ? 'include' : 'omit');
    save(minted);
    return { token: minted.token, conversationId: minted.conversationId, resume: false };
  }

  function keepTokenFresh(conversation) {
    window.setInterval(async function () {
      var current = saved();
      if (!current || current.conversationId !== conversation.conversationId) {
        return;
      }

      try {
        save(await refresh(current.token));
      } catch (e) {
        // The next reload starts a new conversation.
      }
    }, refreshEveryMs);
  }

  async function render(element) {
    var results = await Promise.all([
      loadWebChat(),
      fetch(origin + '/widget/config.json').then(function (r) { return r.json(); }),
      connect()
    ]);
    var config = results[1];
    var conversation = results[2];
    var directLineOptions = {
      domain: origin + '/v3/directline',
      token: conversation.token,
      webSocket: setting('transport') !== 'polling'
    };
    if (conversation.resume) {
      directLineOptions.conversationId = conversation.conversationId;
      directLineOptions.watermark = '0';
    }

    var directLine = window.WebChat.createDirectLine(directLineOptions);
    var React = window.React;
    window.WebChat.renderWebChat({
      directLine: directLine,
      styleOptions: config.styleOptions,
      locale: config.locale || undefined,
      groupActivitiesMiddleware: groupActivitiesMiddleware,
      // Without React (a page that brought its own Web Chat but no React), colleagues keep the bot's avatar.
      avatarMiddleware: React ? avatarMiddleware(React) : undefined,
      activityStatusMiddleware: React ? activityStatusMiddleware(React) : undefined
    }, element);
    keepTokenFresh(conversation);
    return config;
  }

  function showError(element, error) {
    element.textContent = (error && error.readable) || 'The chat is unavailable right now. Please try again in a moment.';
    element.setAttribute('role', 'alert');
    if (window.console) {
      window.console.error('SupportBot widget:', error);
    }
  }

  function startPage() {
    var element = document.querySelector(options.target || '#webchat');
    render(element).catch(function (error) { showError(element, error); });
  }

  function startBubble() {
    var style = document.createElement('style');
    style.textContent =
      '.supportbot-launcher{position:fixed;right:24px;bottom:24px;z-index:2147483000;border:0;border-radius:28px;' +
      'padding:14px 20px;font:600 15px system-ui,sans-serif;color:#fff;background:var(--supportbot-accent,#0063B1);' +
      'box-shadow:0 4px 16px rgba(0,0,0,.25);cursor:pointer}' +
      '.supportbot-launcher:focus-visible{outline:3px solid #000;outline-offset:3px}' +
      '.supportbot-panel{position:fixed;right:24px;bottom:88px;z-index:2147483000;width:min(400px,calc(100vw - 48px));' +
      'height:min(600px,calc(100vh - 120px));display:flex;flex-direction:column;background:#fff;border-radius:12px;' +
      'box-shadow:0 8px 32px rgba(0,0,0,.3);overflow:hidden}' +
      '.supportbot-panel[hidden]{display:none}' +
      '.supportbot-header{display:flex;align-items:center;justify-content:space-between;padding:12px 16px;color:#fff;' +
      'background:var(--supportbot-accent,#0063B1);font:600 16px system-ui,sans-serif}' +
      '.supportbot-header button{border:0;background:transparent;color:#fff;font-size:22px;line-height:1;cursor:pointer}' +
      '.supportbot-chat{flex:1;min-height:0}';
    document.head.appendChild(style);

    var launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'supportbot-launcher';
    launcher.textContent = 'Chat with us';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'supportbot-panel');

    var panel = document.createElement('section');
    panel.id = 'supportbot-panel';
    panel.className = 'supportbot-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Customer support chat');

    var header = document.createElement('div');
    header.className = 'supportbot-header';
    var title = document.createElement('span');
    title.textContent = 'Support';
    var close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the chat');
    close.textContent = '\u00d7';
    header.appendChild(title);
    header.appendChild(close);

    var chat = document.createElement('div');
    chat.className = 'supportbot-chat';
    panel.appendChild(header);
    panel.appendChild(chat);
    document.body.appendChild(panel);
    document.body.appendChild(launcher);

    var started = null;
    function open(focus) {
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      if (!started) {
        started = render(chat).then(function (config) {
          title.textContent = config.title;
          launcher.textContent = 'Chat with ' + config.title;
          panel.style.setProperty('--supportbot-accent', config.styleOptions.accent);
          launcher.style.setProperty('--supportbot-accent', config.styleOptions.accent);
        }).catch(function (error) { showError(chat, error); });
      }

      started.then(function () {
        if (!focus) {
          return;
        }

        var input = chat.querySelector('input, textarea');
        if (input) {
          input.focus();
        }
      });
    }

    function hide() {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    launcher.addEventListener('click', function () { if (panel.hidden) { open(true); } else { hide(); } });
    close.addEventListener('click', hide);
    panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { hide(); } });

    // A conversation already under way in this tab opens again after a reload.
    if (saved()) {
      open(false);
    }
  }

  function start() {
    if (pageMode) {
      startPage();
    } else {
      startBubble();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
