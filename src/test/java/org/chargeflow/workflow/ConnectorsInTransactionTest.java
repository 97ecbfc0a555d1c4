package org.chargeflow.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorsInTransactionTest {

    private final ConnectorsInTransaction<String> connectors = new ConnectorsInTransaction<>();

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

    @Test
    void whatWasLearntOfATransactionIsKeptUntilItsStopWhichHandsItBack() {
        connectors.started("CP1", 1, 41);
        connectors.remember("CP1", 1, 41, "session 7");

        assertThat(connectors.facts("CP1", 41)).isEqualTo("session 7");
        assertThat(connectors.facts("CP2", 41)).as("another charger's transaction id").isNull();
        assertThat(connectors.stopped("CP1", 41)).isEqualTo("session 7");
        assertThat(connectors.facts("CP1", 41)).isNull();
    }

    @Test
    void meterValuesOfATransactionNotSeenStartingHoldTheConnectorToo() {
        connectors.remember("CP1", 2, 45, "session 8");

        assertThat(connectors.inTransaction("CP1", 2)).isTrue();
    }

    /** Sessions that end without the charger reporting the stop must not pile up. */
    @Test
    void aConnectorKeepsOnlyItsNewestTransaction() {
        connectors.remember("CP1", 1, 41, "session 7");

        connectors.started("CP1", 1, 46);

        assertThat(connectors.facts("CP1", 41)).isNull();
        assertThat(connectors.stopped("CP1", 41)).isNull();
        assertThat(connectors.inTransaction("CP1", 1)).as("the newer transaction still holds it").isTrue();
    }

    @Test
    void aDisconnectForgetsWhatWasLearnt() {
        connectors.remember("CP1", 1, 41, "session 7");

        connectors.forget("CP1");

        assertThat(connectors.facts("CP1", 41)).isNull();
    }
}
