package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * Customs accepts the declaration while the truck's plate read is matched but not yet committed: the
 * truck still arrives. The read's commit is held back by a real table lock on {@code plate_read}, so
 * the acceptance lands exactly in that window.
 */
class PlateReadArrivalRaceTest {
    private final TestGate gate = TestGate.shared();
    private final Transactions tx = gate.server().services().tx;

    @Test
    void aDeclarationAcceptedWhileTheReadCommitsStillLetsTheTruckArrive() throws Exception {
        DeclarationDto declared = gate.declare();
        String plate = gate.as("customs").crossing(declared.crossingId()).tractorPlate();
        ExecutorService lockThread = Executors.newSingleThreadExecutor();
        try (TableLock lock = TableLock.hold(tx, "plate_read", lockThread)) {
            CompletableFuture<PlateReadDto> read = CompletableFuture.supplyAsync(() ->
                    gate.as("camera").anpr().postPlateRead(new NewPlateReadRequest("CAM-L1", null, plate, 0.9, null)));
            waitForPlateReadInsert();
            assertThat(read).isNotDone();

            gate.pass(declared.crossingId(), Step.DECLARATION); // between the match and the commit
            lock.close(); // released here; closing it again at the end of the block does nothing

            assertThat(read.get(60, TimeUnit.SECONDS).matchStatus()).isEqualTo(MatchStatus.MATCHED);
            CrossingDto crossing = gate.as("gate").crossing(declared.crossingId());
            assertThat(TestGate.state(crossing, Step.TRANSPORT)).isEqualTo(StepState.PASSED);
            assertThat(TestGate.state(crossing, Step.VEHICLE_CONTROL)).isEqualTo(StepState.PASSED);
        } finally {
            lockThread.shutdownNow();
        }
    }

    /** Until the read's transaction (matched, arrival judged) waits for the lock to insert its row. */
    private void waitForPlateReadInsert() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean waiting = tx.read(session -> session.doReturningWork(c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE"
                                + " WHERE STATE = 'WAIT' AND TABLENAME = 'PLATE_READ'")) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }));
            if (waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the plate read never reached its insert");
    }
}
