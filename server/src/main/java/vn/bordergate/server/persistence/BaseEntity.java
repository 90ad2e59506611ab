package vn.bordergate.server.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * Ids come from one pooled sequence (50 at a time) rather than identity columns: inserts can be
 * batched and ids do not jump by 100 when Derby was not shut down cleanly.
 */
@MappedSuperclass
public abstract class BaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gate_seq")
    @SequenceGenerator(name = "gate_seq", sequenceName = "gate_seq", allocationSize = 50)
    private Long id;

    public Long getId() {
        return id;
    }
}
