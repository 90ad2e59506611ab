package vn.bordergate.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A report as exported, read back: the PDF's text (PDFBox) and the XLSX's rows of cell texts (POI). */
final class ExportedReport {
    final String pdfText;
    final List<List<String>> xlsxRows;

    ExportedReport(byte[] pdf, byte[] xlsx) {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        this.pdfText = text(pdf);
        this.xlsxRows = rows(xlsx);
    }

    /**
     * In section {@code section}, the line {@code label} shows exactly {@code values}: as the next cells of
     * its XLSX row, and in that order after it in the PDF's text.
     */
    ExportedReport has(String section, String label, String... values) {
        xlsxHas(section, label, values);
        String[] tokens = new String[values.length + 1];
        tokens[0] = label;
        System.arraycopy(values, 0, tokens, 1, values.length);
        return pdfHas(section, tokens);
    }

    ExportedReport xlsxHas(String section, String label, String... values) {
        List<String> row = xlsxRow(section, label, values.length == 0 ? null : values[0]);
        assertThat(row.subList(1, row.size()))
                .as("XLSX cells of %s / %s", section, label)
                .containsExactly(values);
        return this;
    }

    /**
     * After {@code section}, the PDF's text has these texts one after the other. Lines are joined first: a
     * long cell wraps inside its column, and PDFBox gives the wrapped part on a line of its own.
     */
    ExportedReport pdfHas(String section, String... texts) {
        String flat = pdfText.replaceAll("\\s+", " ");
        int from = flat.indexOf(section);
        assertThat(from).as("PDF has section %s", section).isNotNegative();
        String line = Arrays.stream(texts)
                .map(Pattern::quote)
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
        assertThat(Pattern.compile(line).matcher(flat).find(from))
                .as("PDF text after %s has \"%s\":%n%s", section, String.join(" ", texts), pdfText)
                .isTrue();
        return this;
    }

    /** The XLSX row of line {@code label}, the first after the row of {@code section}'s title. */
    List<String> xlsxRow(String section, String label, String firstValue) {
        int start = -1;
        for (int i = 0; i < xlsxRows.size(); i++) {
            if (xlsxRows.get(i).contains(section)) {
                start = i;
                break;
            }
        }
        assertThat(start).as("XLSX has section %s in %s", section, xlsxRows).isNotNegative();
        for (int i = start + 1; i < xlsxRows.size(); i++) {
            List<String> row = xlsxRows.get(i);
            if (!row.isEmpty()
                    && row.get(0).equals(label)
                    && (firstValue == null || (row.size() > 1 && row.get(1).equals(firstValue)))) {
                return row;
            }
        }
        throw new AssertionError("no XLSX row " + label + " after " + section + " in " + xlsxRows);
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> rows(byte[] xlsx) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        String text = format.formatCellValue(cell).strip();
                        if (!text.isEmpty()) {
                            cells.add(text);
                        }
                    }
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
