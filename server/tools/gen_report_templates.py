# Writes the five report templates (server/src/main/resources/reports/*.jrxml): run from anywhere after changing a layout.
import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "reports")
reports = {
  "shift-handover": ([220, 190, 110, 170, 46, 46], "LLLLRR", False),
  "throughput": ([200, 146, 146, 146, 72, 72], "LRRRRR", True),
  "dwell-time": ([300, 100, 100, 100, 91, 91], "LRRRRR", False),
  "agency-performance": ([220, 250, 80, 80, 72, 80], "LLRRRR", False),
  "enterprise-activity": ([300, 110, 93, 93, 93, 93], "LLRRRR", False),
}
fields = ["label", "c1", "c2", "c3", "c4", "c5"]
def cells(widths, align, bold, height):
    x = 0; s = []
    for f, w, a in zip(fields, widths, align):
        s.append(f'''			<element kind="textField" x="{x}" y="0" width="{w}" height="{height}" textAdjust="StretchHeight" blankWhenNull="true"{' bold="true"' if bold else ''}{' hTextAlign="Right"' if a == "R" else ''} vTextAlign="Middle" style="Cell">
				<expression><![CDATA[$F{{{f}}}]]></expression>
			</element>''')
        x += w
    return "\n".join(s)
for name, (widths, align, chart) in reports.items():
    assert sum(widths) == 782, name
    summary = ""
    if chart:
        summary = '''	<summary height="300">
		<element kind="staticText" x="0" y="10" width="782" height="18" bold="true">
			<text><![CDATA[Biểu đồ theo giờ / Hourly chart]]></text>
		</element>
		<element kind="image" x="0" y="30" width="782" height="270" scaleImage="RetainShape" hImageAlign="Center">
			<expression><![CDATA[$P{chart}]]></expression>
		</element>
	</summary>
'''
    jrxml = f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- The {name} report: bilingual (Vietnamese / English) lines from vn.bordergate.server.reports, A4 landscape. -->
<jasperReport name="{name}" language="java" pageWidth="842" pageHeight="595" orientation="Landscape" columnWidth="782" leftMargin="30" rightMargin="30" topMargin="25" bottomMargin="25" whenNoDataType="AllSectionsNoDetail">
	<property name="net.sf.jasperreports.export.xls.sheet.names.all" value="{name}"/>
	<!-- spreadsheets get a cell's whole text, not only what fitted the printed line -->
	<property name="net.sf.jasperreports.print.keep.full.text" value="true"/>
	<property name="net.sf.jasperreports.export.xls.wrap.text" value="true"/>
	<style name="Base" default="true" fontName="Noto Sans CJK SC" fontSize="9.0"/>
	<style name="Cell" fontName="Noto Sans CJK SC" fontSize="9.0">
		<box leftPadding="3" rightPadding="3" topPadding="1" bottomPadding="1">
			<bottomPen lineWidth="0.25" lineColor="#C8C8C8"/>
		</box>
	</style>
	<parameter name="titleVi" class="java.lang.String"/>
	<parameter name="titleEn" class="java.lang.String"/>
	<parameter name="covers" class="java.lang.String"/>
	<parameter name="gate" class="java.lang.String"/>
	<parameter name="generated" class="java.lang.String"/>
	<parameter name="chart" class="java.awt.Image"/>
	<field name="section" class="java.lang.String"/>
	<field name="kind" class="java.lang.String"/>
{chr(10).join(f'	<field name="{f}" class="java.lang.String"/>' for f in fields)}
	<group name="section">
		<expression><![CDATA[$F{{section}}]]></expression>
		<groupHeader>
			<band height="28">
				<element kind="textField" x="0" y="8" width="782" height="20" fontSize="11.0" bold="true" forecolor="#1F4E79" vTextAlign="Middle">
					<expression><![CDATA[$F{{section}}]]></expression>
				</element>
			</band>
		</groupHeader>
	</group>
	<title height="78">
		<element kind="textField" x="0" y="0" width="782" height="24" fontSize="16.0" bold="true">
			<expression><![CDATA[$P{{titleVi}}]]></expression>
		</element>
		<element kind="textField" x="0" y="24" width="782" height="18" fontSize="12.0">
			<expression><![CDATA[$P{{titleEn}}]]></expression>
		</element>
		<element kind="textField" x="0" y="44" width="782" height="16">
			<expression><![CDATA[$P{{gate}} + " — " + $P{{covers}}]]></expression>
		</element>
		<element kind="textField" x="0" y="60" width="782" height="16" forecolor="#555555">
			<expression><![CDATA["Lập lúc / Generated " + $P{{generated}}]]></expression>
		</element>
	</title>
	<detail>
		<band height="18" splitType="Prevent">
			<printWhenExpression><![CDATA["H".equals($F{{kind}})]]></printWhenExpression>
{cells(widths, align, True, 18).replace(' style="Cell"', ' style="Cell" mode="Opaque" backcolor="#E4ECF4"')}
		</band>
		<band height="16" splitType="Prevent">
			<printWhenExpression><![CDATA["D".equals($F{{kind}})]]></printWhenExpression>
{cells(widths, align, False, 16)}
		</band>
		<band height="18" splitType="Prevent">
			<printWhenExpression><![CDATA["T".equals($F{{kind}})]]></printWhenExpression>
{cells(widths, align, True, 18)}
		</band>
	</detail>
	<pageFooter height="18">
		<element kind="textField" x="0" y="2" width="600" height="16" forecolor="#555555">
			<expression><![CDATA["BorderGate — " + $P{{titleVi}} + " / " + $P{{titleEn}}]]></expression>
		</element>
		<element kind="textField" x="600" y="2" width="182" height="16" hTextAlign="Right" forecolor="#555555">
			<expression><![CDATA["Trang / Page " + $V{{PAGE_NUMBER}}]]></expression>
		</element>
	</pageFooter>
{summary}</jasperReport>
'''
    open(os.path.join(out, name + ".jrxml"), "w").write(jrxml)
