// "Dashboard" in Tasklist's header, next to "Start process": the ChargeFlow dashboard is served at
// /dashboard beside the web apps (app-root is e.g. /camunda, or /ctx/camunda under a context path).
const appRoot = document.querySelector('base').getAttribute('app-root');
const dashboard = new URL('../dashboard', new URL(appRoot + '/', window.location.href)).pathname;

export default {
  id: 'chargeflow-dashboard-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node) => {
    const link = document.createElement('a');
    link.href = dashboard;
    link.className = 'chargeflow-dashboard-link';
    link.title = 'Every charger and its state';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-dashboard';
    const text = document.createElement('span');
    text.className = 'action-text';
    text.textContent = ' Dashboard';
    link.append(icon, text);
    node.appendChild(link);
  }
};
