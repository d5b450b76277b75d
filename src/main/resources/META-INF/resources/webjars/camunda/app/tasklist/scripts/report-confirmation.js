// A Tasklist custom script (tasklist-config.js customScripts), loaded before Tasklist starts.
// After "Start" Tasklist only shows a short notice. When a start succeeds, this asks the
// application for its confirmation (startpage: GET /start/confirmation/<process instance>, which
// answers only the person who started it, only in the minutes after) and shows the case reference
// and who has been alerted, in the person's language. It asks again while the alerts are still
// being sent. Texts are set as text, never as HTML.
const appRoot = document.querySelector('base').getAttribute('app-root');
// The application's own pages sit beside the webapps (camunda.bpm.webapp.application-path).
const confirmationUrl = (processInstanceId) =>
  appRoot.replace(/\/camunda$/, '') + '/start/confirmation/' + encodeURIComponent(processInstanceId);
const STARTED = /\/process-definition\/(key\/[^/]+(\/tenant-id\/[^/]+)?|[^/]+)\/(submit-form|start)$/;
const ASK_AGAIN_MS = 2000;
const ASKS = 30;

const show = (confirmation) => {
  let box = document.getElementById('report-confirmation');
  if (!box) {
    box = document.createElement('div');
    box.id = 'report-confirmation';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-live', 'polite');
    ['title', 'reference', 'alerted', 'keep'].forEach((part) => {
      const line = document.createElement(part === 'title' ? 'h3' : 'p');
      line.className = 'report-confirmation-' + part;
      box.appendChild(line);
    });
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn btn-primary report-confirmation-close';
    close.addEventListener('click', () => box.remove());
    box.appendChild(close);
    document.body.appendChild(box);
  }
  box.dataset.caseReference = confirmation.caseReference;
  box.dataset.alertsSent = String(confirmation.alertsSent);
  ['title', 'reference', 'alerted', 'keep', 'close'].forEach((part) => {
    box.querySelector('.report-confirmation-' + part).textContent = confirmation[part];
  });
};

const confirm = async (processInstanceId, asksLeft) => {
  const response = await fetch(confirmationUrl(processInstanceId),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return; // not a case, or not this person's: Tasklist's own notice stays the only one
  }
  const confirmation = await response.json();
  show(confirmation);
  if (!confirmation.alertsSent && asksLeft > 1) {
    setTimeout(() => confirm(processInstanceId, asksLeft - 1), ASK_AGAIN_MS);
  }
};

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && STARTED.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        try {
          const started = JSON.parse(this.responseText);
          if (started && started.id) {
            confirm(started.id, ASKS);
          }
        } catch (e) {
          // not the answer of a start
        }
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default [];
