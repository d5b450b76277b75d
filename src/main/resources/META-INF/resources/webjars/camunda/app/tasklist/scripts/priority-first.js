// A Tasklist custom script (tasklist-config.js customScripts), loaded before Tasklist starts.
// Every filter lists the most urgent tasks first (safeguarding.worklists: priority, then deadline),
// but Tasklist's sort control said "Created" (issue 23). Unless the person chose a sorting, the
// list is sorted, and labelled, by priority.
const hash = window.location.hash || '#/';
if (!/[?&]sorting=/.test(hash)) {
  const sorting = encodeURIComponent(JSON.stringify([{ sortBy: 'priority', sortOrder: 'desc' }]));
  const withSorting = hash + (hash.includes('?') ? '&' : (hash === '#' ? '/?' : '?')) + 'sorting=' + sorting;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + withSorting);
}
export default [];
