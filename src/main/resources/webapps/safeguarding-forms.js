// A Tasklist custom script (tasklist-config.js customScripts), served by WebappCustomization.
// Camunda's form library (form-js) has no translations and types dates in the browser's order
// (mm/dd/yyyy in an English browser). In every form Tasklist shows:
// 1. its own words (error messages, "Select", "Search", ...) in the user's language, from
//    forms/i18n/form-library/<tag>.json ("{0}" stands for a number or pattern);
// 2. dates typed and shown in the school's format (safeguarding.school-date-format), with the
//    calendar's month and day names in the user's language. The value the form sends is the
//    same ISO date (yyyy-MM-dd) whatever is shown, so the form contract is unchanged.
const words = "@WORDS@";
const language = "@LANGUAGE@";
const schoolDateFormat = "@DATE_FORMAT@";

const pickerFormat = schoolDateFormat.replace('yyyy', 'Y').replace('MM', 'm').replace('dd', 'd');
const escaped = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = Object.entries(words).map(([english, translated]) =>
  [new RegExp('^' + escaped(english).replace('\\{0\\}', '(.+)') + '$'), translated]);

const translation = text => {
  const trimmed = text.trim();
  for (const [pattern, translated] of patterns) {
    const found = trimmed.match(pattern);
    if (found) {
      return translated.replace('{0}', found[1] || '');
    }
  }
  return null;
};

const names = (options, count, first) => Array.from({ length: count }, (_, i) =>
  new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(first(i)));
const pickerLocale = {
  months: {
    shorthand: names({ month: 'short' }, 12, m => Date.UTC(2021, m, 1)),
    longhand: names({ month: 'long' }, 12, m => Date.UTC(2021, m, 1))
  },
  // 3 January 2021 was a Sunday, flatpickr's first weekday.
  weekdays: {
    shorthand: names({ weekday: 'short' }, 7, d => Date.UTC(2021, 0, 3 + d)),
    longhand: names({ weekday: 'long' }, 7, d => Date.UTC(2021, 0, 3 + d))
  },
  firstDayOfWeek: 1
};

const translateWords = root => {
  if (patterns.length === 0) {
    return;
  }
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const translated = translation(node.data);
    if (translated !== null) {
      node.data = translated;
    }
  }
  root.querySelectorAll('input[placeholder]').forEach(input => {
    const translated = translation(input.placeholder);
    if (translated !== null) {
      input.placeholder = translated;
    }
  });
};

const useSchoolDates = root => {
  root.querySelectorAll('.fjs-datepicker input').forEach(input => {
    const picker = input._flatpickr;
    if (picker && picker.config.dateFormat !== pickerFormat) {
      picker.set('locale', pickerLocale);
      picker.set('dateFormat', pickerFormat);
      input.placeholder = schoolDateFormat.toLowerCase();
    }
  });
};

const adjustForms = () => {
  document.querySelectorAll('.fjs-container').forEach(form => {
    useSchoolDates(form);
    translateWords(form);
  });
};

// The forms are drawn and redrawn as the person works (errors appear, pickers open): each change
// is adjusted before it is painted. Changes made here are already translated, so this settles.
new MutationObserver(adjustForms).observe(document.documentElement,
  { childList: true, subtree: true, characterData: true });

export default [];
