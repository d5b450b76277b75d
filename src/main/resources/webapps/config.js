// scripts/config.js of Cockpit, Admin and the welcome page (Tasklist has its own,
// tasklist-config.js), served by WebappCustomization. The product name and vendor
// come from safeguarding.webapps in application.yaml; the other options are Camunda's documented ones.
export default {
  app: {
    name: "@PRODUCT_NAME@",
    vendor: "@VENDOR@"
  },
  // English only: the labels are reviewed in English (locales/en.json, EOL banner removed).
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  csrfCookieName: 'XSRF-TOKEN'
};
