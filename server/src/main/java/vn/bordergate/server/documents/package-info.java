/**
 * Printed documents (slips, tickets, reports) with JasperReports 7: JRXML templates on the classpath
 * compiled once ({@link vn.bordergate.server.documents.DocumentTemplates}), filled from parameters
 * and rows of records and exported as PDF or XLSX ({@link vn.bordergate.server.documents.DocumentRenderer}),
 * QR codes drawn with ZXing ({@link vn.bordergate.server.documents.QrCodes}).
 *
 * <p>Every text element of every template uses the font family {@code Noto Sans CJK SC} (set it on a
 * default style): it is the one family registered through {@code jasperreports_extension.properties}
 * and embedded in PDFs; JasperReports has no per-character fallback, and its default font prints
 * neither Vietnamese nor Chinese plates.
 *
 * <p>Runtime needs: {@code jasperreports} (fill, XLSX), {@code jasperreports-pdf} (PDF, via OpenPDF),
 * ZXing {@code core}. Templates' Java expressions are compiled by the JDK's own compiler through
 * {@code javax.tools}, so a trimmed runtime image must keep the {@code jdk.compiler} module.
 */
package vn.bordergate.server.documents;
