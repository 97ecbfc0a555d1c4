// Replaces Camunda's default config.js (which sets nothing for this app): the product's name in the
// page title and the header ("ChargeFlow Cockpit").
export default {
  app: {
    vendor: 'ChargeFlow',
    name: 'Cockpit'
  }
};
