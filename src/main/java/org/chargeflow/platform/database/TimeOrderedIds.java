package org.chargeflow.platform.database;

import com.fasterxml.uuid.EthernetAddress;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedReorderedGenerator;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * The engine's ids, in the order they were made: UUID version 6, the time-based UUID with its timestamp's
 * most significant bits first. Camunda's default ("strong", version 1) begins with the timestamp's fastest
 * changing bits, so consecutive rows land all over every index keyed by an id: each history table's whole
 * index then has to stay in memory, or inserts read pages from disk, the more the longer the history.
 * Time-ordered ids add at the end of those indexes, whose newest pages are all that inserts touch however
 * large the history grows. Unique across nodes as version 1 is (time, clock sequence, network address).
 * Being a bean, it takes the place of the starter's generator.
 */
@Component
public class TimeOrderedIds implements IdGenerator {

    private final TimeBasedReorderedGenerator generator =
            Generators.timeBasedReorderedGenerator(EthernetAddress.fromInterface());

    @Override
    public String getNextId() {
        return generator.generate().toString();
    }
}
