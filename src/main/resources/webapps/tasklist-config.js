// Camunda Tasklist's scripts/config.js, served by WebappCustomization. The product name and vendor
// come from safeguarding.webapps in application.yaml; the language is the signed-in user's
// (README "Languages"); the other options are Camunda's documented ones.
export default {
  app: {
    name: "@PRODUCT_NAME@",
    vendor: "@VENDOR@"
  },
  // One locale: the user's. Camunda would otherwise pick by the browser's language.
  locales: {
    availableLocales: ["@LOCALE@"],
    fallbackLocale: "@LOCALE@"
  },
  // Loads the labels before the app starts, and leaves for the application's log-in page on log-out;
  // sorts and labels the list by priority unless the person chooses otherwise; puts the form
  // library's words in the user's language and dates in the school's format; after "Start", shows
  // the case reference and who has been alerted (issue 23).
  customScripts: ['scripts/safeguarding-webapps.js', 'scripts/priority-first', 'scripts/safeguarding-forms.js',
    'scripts/report-confirmation'],
  // Camunda's keyboard shortcuts of Tasklist, as in its own config.js.
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  },
  csrfCookieName: 'XSRF-TOKEN'
};
