package org.chargeflow.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorsInTransactionTest {

    private final ConnectorsInTransaction connectors = new ConnectorsInTransaction();

    @Test
    void aStartedTransactionHoldsItsConnectorOnly() {
        connectors.started("CP1", 1, 41);

        assertThat(connectors.inTransaction("CP1", 1)).isTrue();
        assertThat(connectors.inTransaction("CP1", 2)).isFalse();
        assertThat(connectors.inTransaction("CP2", 1)).isFalse();
    }

    @Test
    void theStopOfItsTransactionFreesTheConnectorButNotAnotherOne() {
        connectors.started("CP1", 1, 41);
        connectors.started("CP1", 2, 42);

        connectors.stopped("CP1", 41);
        connectors.stopped("CP1", 99);

        assertThat(connectors.inTransaction("CP1", 1)).isFalse();
        assertThat(connectors.inTransaction("CP1", 2)).isTrue();
    }

    @Test
    void aStatusWithoutVehicleFreesTheConnectorEvenWhenTheStopWasLost() {
        connectors.started("CP1", 1, 41);

        connectors.vehicleGone("CP1", 1);

        assertThat(connectors.inTransaction("CP1", 1)).isFalse();
    }

    @Test
    void aDisconnectOrRebootFreesAllConnectorsOfThatChargerOnly() {
        connectors.started("CP1", 1, 41);
        connectors.started("CP1", 2, 42);
        connectors.started("CP2", 1, 43);

        connectors.forget("CP1");

        assertThat(connectors.inTransaction("CP1", 1)).isFalse();
        assertThat(connectors.inTransaction("CP1", 2)).isFalse();
        assertThat(connectors.inTransaction("CP2", 1)).isTrue();
    }

    @Test
    void aNewTransactionOnAFreedConnectorHoldsItAgain() {
        connectors.started("CP1", 1, 41);
        connectors.stopped("CP1", 41);

        connectors.started("CP1", 1, 44);

        assertThat(connectors.inTransaction("CP1", 1)).isTrue();
    }
}
