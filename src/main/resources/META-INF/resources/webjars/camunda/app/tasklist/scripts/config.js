// Replaces Camunda's default Tasklist config.js: the product's name in the page title and the header
// ("ChargeFlow Tasklist") and a link to the dashboard. The keyboard shortcuts are Camunda's defaults,
// kept because Tasklist only knows the shortcuts this file lists.
export default {
  app: {
    vendor: 'ChargeFlow',
    name: 'Tasklist'
  },
  customScripts: ['scripts/dashboard-link'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
