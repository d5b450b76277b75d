// Loaded by every webapp before it starts (customScripts in scripts/config.js), served by
// WebappCustomization.
//
// 1. The labels of the user's language are fetched now and put where Camunda's locale loader
//    looks first (its cache in localStorage). Some widgets (Tasklist's search) translate once when
//    they appear; on a first visit the labels were not loaded yet and raw keys such as
//    CREATION_DATE showed.
// 2. Camunda's own log-in form is closed in this application: when the app goes there (after
//    "Log out", or when the session ended), the application's log-in page opens instead.
const base = document.querySelector('base');
const root = base.getAttribute('app-root');
const app = base.getAttribute('app-name');
const locale = "@LOCALE@";
const bust = window.bust;

const toLogInPage = () => {
  if (/^#\/login\b/.test(window.location.hash)) {
    window.location.replace("@LOGIN_PAGE@");
  }
};
window.addEventListener('hashchange', toLogInPage);
toLogInPage();

try {
  const response = await fetch(`${root}/app/${app}/locales/${locale}.json?bust=${bust}`,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.ok) {
    const cache = JSON.parse(window.localStorage.getItem('camunda-web') || '{}');
    cache[`${root}/app/${app}/locales/_locales_data_${locale}_${bust}`] = JSON.stringify(await response.json());
    window.localStorage.setItem('camunda-web', JSON.stringify(cache));
  }
} catch (e) {
  // Camunda's loader fetches the labels itself then.
}

export default [];
