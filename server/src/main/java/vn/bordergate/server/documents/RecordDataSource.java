package vn.bordergate.server.documents;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * Rows of plain records for a template: field {@code hsCode} reads the row's {@code hsCode()}.
 * JasperReports' bean data source only knows {@code getX()} getters, which records do not have.
 */
public final class RecordDataSource implements JRRewindableDataSource {
    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private final List<? extends Record> rows;
    private int index = -1;

    public RecordDataSource(List<? extends Record> rows) {
        this.rows = List.copyOf(rows);
    }

    @Override
    public boolean next() {
        index++;
        return index < rows.size();
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        Record row = rows.get(index);
        Method accessor = accessors(row.getClass()).get(field.getName());
        if (accessor == null) {
            throw new JRException("template field " + field.getName() + " is no component of "
                    + row.getClass().getSimpleName());
        }
        try {
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JRException(
                    "reading " + field.getName() + " of " + row.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void moveFirst() {
        index = -1;
    }

    private static Map<String, Method> accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            Map<String, Method> byName = new java.util.HashMap<>();
            for (RecordComponent component : t.getRecordComponents()) {
                Method accessor = component.getAccessor();
                // records nested in non-public classes: their accessors are public but the class is not
                accessor.setAccessible(true);
                byName.put(component.getName(), accessor);
            }
            return Map.copyOf(byName);
        });
    }
}
