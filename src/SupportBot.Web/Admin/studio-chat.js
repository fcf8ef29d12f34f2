/*
 * The real Web Chat (the bundle the site's widget uses, with its look from /widget/config.json) on the studio's page:
 * the preview shows a line exactly as a customer would see it, and the test chat talks to the studio's own bot (the
 * draft, or the live files) through a small Direct Line stand-in that posts each message to /admin/api/test-chat.
 */
(function () {
  'use strict';

  var config = null;
  var preview = null;

  function loadConfig() {
    if (!config) {
      config = fetch('/widget/config.json').then(function (r) { return r.json(); }).catch(function () { return {}; });
    }
    return config;
  }

  // An observable as Web Chat subscribes to it: subscribe(observer or next) returning { unsubscribe }.
  function subject(replay) {
    var observers = [];
    var last = [];
    return {
      next: function (value) {
        if (replay) {
          last.push(value);
        }
        observers.slice().forEach(function (o) { if (o.next) { o.next(value); } });
      },
      subscribe: function (observerOrNext, error, complete) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : (observerOrNext || {});
        observers.push(observer);
        last.forEach(function (value) { if (observer.next) { observer.next(value); } });
        return {
          closed: false,
          unsubscribe: function () {
            observers = observers.filter(function (o) { return o !== observer; });
            this.closed = true;
          }
        };
      }
    };
  }

  function once(value) {
    return {
      subscribe: function (observerOrNext) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext } : (observerOrNext || {});
        window.setTimeout(function () {
          if (observer.next) { observer.next(value); }
          if (observer.complete) { observer.complete(); }
        }, 0);
        return { closed: false, unsubscribe: function () {} };
      }
    };
  }

  /*
   * A Direct Line for Web Chat: its connection goes online at once, a posted activity comes back as Direct Line
   * echoes it (with an id), then send(activity) answers with the bot's replies, which arrive on activity$.
   */
  function directLine(conversationId, send) {
    var status = subject(true);
    var activities = subject(true);
    var counter = 0;
    status.next(0);
    window.setTimeout(function () { status.next(1); status.next(2); }, 0);

    function deliver(replies) {
      (replies || []).forEach(function (reply) {
        counter++;
        activities.next(Object.assign({}, reply, {
          id: conversationId + '|' + String(counter).padStart(7, '0'),
          timestamp: reply.timestamp || new Date().toISOString(),
          from: Object.assign({ id: 'supportbot', name: 'SupportBot' }, reply.from || {}, { role: 'bot' }),
          conversation: { id: conversationId }
        }));
      });
    }

    return {
      connectionStatus$: status,
      activity$: activities,
      deliver: deliver,
      postActivity: function (activity) {
        counter++;
        var id = conversationId + '|' + String(counter).padStart(7, '0');
        var echo = Object.assign({}, activity, { id: id, timestamp: new Date().toISOString(), conversation: { id: conversationId } });
        // As Direct Line does: the message comes back with its id first, then the bot's answer.
        window.setTimeout(function () {
          activities.next(echo);
          send(echo).then(deliver, function (error) {
            deliver([{ type: 'message', text: 'The test chat could not reach the bot: ' + error.message }]);
          });
        }, 0);
        return once(id);
      },
      end: function () { status.next(5); },
      getSessionId: function () { return once(conversationId); }
    };
  }

  async function render(container, line, extra) {
    var settings = await loadConfig();
    var target = document.createElement('div');
    container.textContent = '';
    container.appendChild(target);
    if (!window.WebChat) {
      target.appendChild(Studio.el('p', { 'class': 'errors', text: 'Web Chat could not be loaded on this page.' }));
      return null;
    }
    window.WebChat.renderWebChat(Object.assign({
      directLine: line,
      styleOptions: Object.assign({}, settings.styleOptions || {}, extra || {}),
      locale: settings.locale || undefined,
      userID: 'studio-customer'
    }), target);
    return line;
  }

  window.StudioChat = {
    /*
     * Shows lines (a customer's message, the bot's line) in Web Chat, with no send box. The same Web Chat is kept
     * while the lines keep their shape, each line updated in place (Web Chat replaces an activity with the same id).
     */
    showLines: function (container, lines) {
      var shape = lines.map(function (l) { return l.from; }).join(',');
      if (!preview || preview.container !== container || preview.shape !== shape) {
        var fresh = directLine('preview-' + Date.now(), function () { return Promise.resolve([]); });
        render(container, fresh, { hideSendBox: true });
        preview = { container: container, shape: shape, line: fresh, since: Date.now() };
      }
      var current = preview;
      window.setTimeout(function () {
        lines.forEach(function (l, i) {
          current.line.activity$.next({
            type: 'message', text: l.text, id: 'preview|' + i, timestamp: new Date(current.since + i).toISOString(),
            from: l.from === 'user' ? { id: 'studio-customer', name: l.name || 'Customer', role: 'user' } : { id: 'supportbot', name: 'SupportBot', role: 'bot' },
            conversation: { id: 'preview' }
          });
        });
      }, 0);
    },

    /* A chat with the studio's bot; name: the customer's name. Returns the conversation id. */
    startChat: function (container, name, onSource) {
      var conversationId = 'studio-' + Math.random().toString(36).slice(2, 12);
      var send = async function (activity) {
        var result = await Studio.post('test-chat', { conversationId: conversationId, name: name, text: activity.text || '' });
        if (!result.ok) {
          throw new Error((result.data && (result.data.detail || result.data.title)) || 'error ' + result.status);
        }
        if (onSource) { onSource(result.data.source); }
        return result.data.replies;
      };
      var line = directLine(conversationId, send);
      render(container, line).then(function () {
        // As the site's widget does when a customer opens it: the bot greets them.
        Studio.post('test-chat', { conversationId: conversationId, name: name, join: true }).then(function (result) {
          if (result.ok) {
            if (onSource) { onSource(result.data.source); }
            line.deliver(result.data.replies);
          }
        });
      });
      return conversationId;
    }
  };
})();
