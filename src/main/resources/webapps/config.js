// scripts/config.js of Cockpit, Admin and the welcome page (Tasklist has its own,
// tasklist-config.js), served by WebappCustomization. The product name and vendor
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
  // Loads the labels before the app starts, and leaves for the application's log-in page on log-out.
  customScripts: ['scripts/safeguarding-webapps.js'],
  csrfCookieName: 'XSRF-TOKEN'
};
