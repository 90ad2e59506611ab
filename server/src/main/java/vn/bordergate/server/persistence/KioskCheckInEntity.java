package vn.bordergate.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A crossing checked in at a yard kiosk: its queue number of the gate day (migration V4, written by hand). */
@Entity
@Table(name = "kiosk_check_in")
public class KioskCheckInEntity extends BaseEntity {
    @Column(nullable = false, unique = true)
    private long crossingId;

    @Column(nullable = false)
    private LocalDate queueDay;

    @Column(nullable = false)
    private int queueNumber;

    @Column(nullable = false, length = 32)
    private String yardCode;

    @Column(nullable = false)
    private Instant checkedInAt;

    @Column(nullable = false, length = 64)
    private String kiosk;

    public long getCrossingId() {
        return crossingId;
    }

    public void setCrossingId(long crossingId) {
        this.crossingId = crossingId;
    }

    public LocalDate getQueueDay() {
        return queueDay;
    }

    public void setQueueDay(LocalDate queueDay) {
        this.queueDay = queueDay;
    }

    public int getQueueNumber() {
        return queueNumber;
    }

    public void setQueueNumber(int queueNumber) {
        this.queueNumber = queueNumber;
    }

    public String getYardCode() {
        return yardCode;
    }

    public void setYardCode(String yardCode) {
        this.yardCode = yardCode;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public void setCheckedInAt(Instant checkedInAt) {
        this.checkedInAt = checkedInAt;
    }

    public String getKiosk() {
        return kiosk;
    }

    public void setKiosk(String kiosk) {
        this.kiosk = kiosk;
    }
}
