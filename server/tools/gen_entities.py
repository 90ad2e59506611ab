#!/usr/bin/env python3
"""Generates the server's JPA entities and the Flyway schema migrations (Derby, PostgreSQL) from one table spec, so the two can't
drift apart. Run from the repository root: python3 server/tools/gen_entities.py (then mvn spotless:apply)."""
import re, os

PKG = 'vn.bordergate.server.persistence'
OUT = 'server/src/main/java/vn/bordergate/server/persistence'

# field spec: (java type, name, sql type, options)  options: nn (not null), uq (unique), enum, fk:Entity, len
TABLES = [
 ('Enterprise', 'enterprise', 'An import/export company.', [
   ('String','taxCode','VARCHAR(20)','nn uq'), ('String','name','VARCHAR(200)','nn'), ('String','country','VARCHAR(2)','nn'),
   ('String','contactName','VARCHAR(120)',''), ('String','contactPhone','VARCHAR(32)',''), ('String','contactEmail','VARCHAR(120)',''),
   ('boolean','priority','BOOLEAN','nn')]),
 ('UserAccount', 'user_account', 'A login account; the password is stored only as a bcrypt hash.', [
   ('String','username','VARCHAR(64)','nn uq'), ('String','passwordHash','VARCHAR(100)','nn'), ('String','displayName','VARCHAR(120)','nn'),
   ('Role','role','VARCHAR(20)','nn enum'), ('Agency','agency','VARCHAR(30)','enum'), ('String','stationCode','VARCHAR(32)',''),
   ('Long','enterpriseId','BIGINT',''), ('boolean','active','BOOLEAN','nn'), ('Instant','createdAt','TIMESTAMP','nn')]),
 ('Vehicle', 'vehicle', 'A vehicle known by its plate: a tractor (truck) or a trailer.', [
   ('String','plate','VARCHAR(16)','nn uq'), ('PlateCountry','country','VARCHAR(2)','nn enum'), ('PlateKind','plateKind','VARCHAR(20)','nn enum'),
   ('VehicleType','vehicleType','VARCHAR(24)','enum')]),
 ('Driver', 'driver', 'A driver, identified by travel document number and nationality.', [
   ('String','documentNumber','VARCHAR(32)','nn'), ('String','nationality','VARCHAR(2)','nn'), ('String','fullName','VARCHAR(120)','nn'),
   ('String','phone','VARCHAR(32)','')]),
 ('Declaration', 'declaration', 'One vehicle trip declared by an enterprise; corrected declarations keep their id and bump the revision.', [
   ('String','code','VARCHAR(24)','nn uq'), ('int','revision','INT','nn'), ('Enterprise','enterprise','BIGINT','nn fk'),
   ('Direction','direction','VARCHAR(30)','nn enum'), ('Vehicle','tractor','BIGINT','nn fk'), ('Vehicle','trailer','BIGINT','fk'),
   ('VehicleType','vehicleType','VARCHAR(24)','nn enum'), ('Driver','driver','BIGINT','nn fk'), ('Instant','expectedArrival','TIMESTAMP','nn'),
   ('boolean','twoWayTransport','BOOLEAN','nn'), ('BigDecimal','medTemperature','DECIMAL(4,1)',''), ('boolean','medSymptoms','BOOLEAN','nn'),
   ('String','medNotes','VARCHAR(500)',''), ('Instant','submittedAt','TIMESTAMP','nn'), ('String','submittedBy','VARCHAR(64)','nn')]),
 ('GoodsLine', 'goods_line', 'One line of goods of a declaration.', [
   ('Declaration','declaration','BIGINT','nn fk'), ('int','lineNo','INT','nn'), ('String','hsCode','VARCHAR(10)','nn'),
   ('String','description','VARCHAR(200)','nn'), ('BigDecimal','quantity','DECIMAL(15,3)','nn'), ('String','unit','VARCHAR(16)','nn'),
   ('BigDecimal','grossWeightKg','DECIMAL(11,2)','nn'), ('QuarantineKind','quarantine','VARCHAR(10)','nn enum')]),
 ('Crossing', 'crossing', "One vehicle's passage through the gate.", [
   ('Declaration','declaration','BIGINT','nn fk uq'), ('CrossingStatus','status','VARCHAR(24)','nn enum'),
   ('String','tractorPlate','VARCHAR(16)','nn'), ('String','trailerPlate','VARCHAR(16)',''), ('boolean','perishable','BOOLEAN','nn'),
   ('Instant','expectedArrival','TIMESTAMP','nn'), ('String','openTractorKey','VARCHAR(16)','uq'), ('String','openTrailerKey','VARCHAR(16)','uq'),
   ('boolean','priority','BOOLEAN','nn'), ('Instant','arrivedAt','TIMESTAMP',''), ('Instant','releasedAt','TIMESTAMP',''),
   ('Instant','returnDeadline','TIMESTAMP',''), ('Instant','returnedAt','TIMESTAMP',''), ('BigDecimal','grossWeightKg','DECIMAL(11,2)',''),
   ('String','yardCode','VARCHAR(32)',''), ('Instant','updatedAt','TIMESTAMP','nn'), ('long','version','BIGINT','nn version')]),
 ('CrossingStep', 'crossing_step', 'The current state of one step of one crossing.', [
   ('Crossing','crossing','BIGINT','nn fk'), ('Step','step','VARCHAR(30)','nn enum'), ('StepState','state','VARCHAR(10)','nn enum'),
   ('String','officer','VARCHAR(64)',''), ('String','stationCode','VARCHAR(32)',''), ('Instant','decidedAt','TIMESTAMP',''),
   ('String','reason','VARCHAR(500)','')]),
 ('StepConfirmation', 'step_confirmation', "Every decision on a step, kept forever: pass, hold, reject or a hold's release.", [
   ('long','crossingId','BIGINT','nn'), ('Step','step','VARCHAR(30)','nn enum'), ('Agency','agency','VARCHAR(30)','nn enum'),
   ('String','action','VARCHAR(16)','nn'), ('String','officer','VARCHAR(64)','nn'), ('String','stationCode','VARCHAR(32)',''),
   ('Instant','decidedAt','TIMESTAMP','nn'), ('String','reason','VARCHAR(500)','')]),
 ('PlateRead', 'plate_read', 'A plate read by a lane camera and what it matched.', [
   ('String','cameraCode','VARCHAR(32)','nn'), ('String','laneCode','VARCHAR(32)',''), ('Instant','readAt','TIMESTAMP','nn'),
   ('String','rawText','VARCHAR(32)','nn'), ('String','plate','VARCHAR(16)',''), ('PlateCountry','country','VARCHAR(2)','enum'),
   ('double','confidence','DOUBLE','nn'), ('String','imagePath','VARCHAR(260)',''), ('Long','crossingId','BIGINT',''),
   ('MatchStatus','matchStatus','VARCHAR(16)','nn enum'), ('String','candidates','VARCHAR(600)',''),
   ('Long','pairedReadId','BIGINT',''), ('String','correctedBy','VARCHAR(64)',''), ('Instant','correctedAt','TIMESTAMP','')]),
 ('Lane', 'lane', 'A gate lane.', [('String','code','VARCHAR(32)','nn uq'), ('String','name','VARCHAR(120)','nn'), ('Direction','direction','VARCHAR(30)','nn enum')]),
 ('Camera', 'camera', 'A lane camera.', [('String','code','VARCHAR(32)','nn uq'), ('Lane','lane','BIGINT','nn fk'), ('String','sourceUrl','VARCHAR(500)',''), ('boolean','enabled','BOOLEAN','nn')]),
 ('Station', 'station', "An agency's workstation at a joint control station.", [('String','code','VARCHAR(32)','nn uq'), ('String','name','VARCHAR(120)','nn'), ('Agency','agency','VARCHAR(30)','nn enum')]),
 ('Yard', 'yard', 'A waiting yard.', [('String','code','VARCHAR(32)','nn uq'), ('String','name','VARCHAR(120)','nn'), ('int','capacity','INT','nn')]),
 ('Weighing', 'weighing', 'A scale weighing of a crossing.', [
   ('long','crossingId','BIGINT','nn'), ('BigDecimal','grossKg','DECIMAL(11,2)','nn'), ('String','scaleCode','VARCHAR(32)','nn'),
   ('Instant','weighedAt','TIMESTAMP','nn'), ('String','officer','VARCHAR(64)','nn')]),
 ('Fee', 'fee', 'A fee charged to a crossing.', [
   ('long','crossingId','BIGINT','nn'), ('FeeKind','kind','VARCHAR(24)','nn enum'), ('BigDecimal','amountVnd','DECIMAL(14,0)','nn'),
   ('boolean','paid','BOOLEAN','nn'), ('String','receiptNumber','VARCHAR(32)',''), ('Instant','paidAt','TIMESTAMP',''), ('String','officer','VARCHAR(64)','nn')]),
 # audit_entry.hash stays 'uq' here because V1 was written with it (its checksum must not change); V13 drops the index
 ('AuditEntry', 'audit_entry', 'One entry of the append-only audit log; each hash covers the entry and the previous hash.', [
   ('Instant','recordedAt','TIMESTAMP','nn'), ('String','actor','VARCHAR(64)','nn'), ('String','stationCode','VARCHAR(32)',''),
   ('String','action','VARCHAR(48)','nn'), ('String','entityType','VARCHAR(32)','nn'), ('String','entityId','VARCHAR(32)',''),
   ('String','details','VARCHAR(2000)',''), ('String','previousHash','VARCHAR(64)','nn'), ('String','hash','VARCHAR(64)','nn uq')]),
 ('IdempotencyRecord', 'idempotency_record', 'The first answer to a retried write, replayed for the same key and account.', [
   ('String','idemKey','VARCHAR(80)','nn'), ('String','username','VARCHAR(64)','nn'), ('String','operation','VARCHAR(120)','nn'),
   ('int','status','INT','nn'), ('String','responseBody','CLOB','nn lob'), ('Instant','createdAt','TIMESTAMP','nn')]),
]
UNIQUE_MULTI = {'driver': [('document_number','nationality')], 'crossing_step': [('crossing_id','step')], 'idempotency_record': [('idem_key','username')]}
INDEXES = {'declaration': ['enterprise_id', 'tractor_id'], 'crossing': ['status', 'tractor_plate', 'trailer_plate', 'expected_arrival'],
           'crossing_step': ['crossing_id'], 'step_confirmation': ['crossing_id'], 'plate_read': ['read_at', 'crossing_id', 'match_status'],
           'weighing': ['crossing_id'], 'fee': ['crossing_id'], 'goods_line': ['declaration_id'], 'camera': ['lane_id']}
ENUM_IMPORTS = {'Role':'vn.bordergate.common.workflow.Role','Agency':'vn.bordergate.common.workflow.Agency','PlateCountry':'vn.bordergate.common.plate.PlateCountry',
  'PlateKind':'vn.bordergate.common.plate.PlateKind','VehicleType':'vn.bordergate.common.dto.VehicleType','Direction':'vn.bordergate.common.workflow.Direction',
  'QuarantineKind':'vn.bordergate.common.dto.QuarantineKind','CrossingStatus':'vn.bordergate.common.workflow.CrossingStatus','Step':'vn.bordergate.common.workflow.Step',
  'StepState':'vn.bordergate.common.workflow.StepState','MatchStatus':'vn.bordergate.common.dto.MatchStatus','FeeKind':'vn.bordergate.common.dto.FeeKind'}

def snake(n): return re.sub(r'([A-Z])', r'_\1', n).lower()

def entity(name, table, doc, fields):
    imports = {'jakarta.persistence.Entity', 'jakarta.persistence.Table'}
    lines = []
    for jt, fn, sql, opts in fields:
        o = opts.split()
        ann = []
        if 'fk' in o:
            imports |= {'jakarta.persistence.ManyToOne', 'jakarta.persistence.FetchType', 'jakarta.persistence.JoinColumn'}
            ann.append('@ManyToOne(fetch = FetchType.LAZY, optional = %s)' % ('false' if 'nn' in o else 'true'))
            ann.append('@JoinColumn(name = "%s_id"%s)' % (snake(fn), ', nullable = false' if 'nn' in o else ''))
        else:
            if 'enum' in o:
                imports |= {'jakarta.persistence.Enumerated', 'jakarta.persistence.EnumType', ENUM_IMPORTS[jt]}
                ann.append('@Enumerated(EnumType.STRING)')
            if 'lob' in o:
                imports.add('jakarta.persistence.Lob'); ann.append('@Lob')
            if 'version' in o:
                imports.add('jakarta.persistence.Version'); ann.append('@Version')
            colopts = []
            if 'nn' in o and jt[0].isupper(): colopts.append('nullable = false')
            m = re.match(r'VARCHAR\((\d+)\)', sql)
            if m: colopts.append('length = ' + m.group(1))
            m = re.match(r'DECIMAL\((\d+),(\d+)\)', sql)
            if m: colopts.append('precision = %s, scale = %s' % m.groups())
            if colopts:
                imports.add('jakarta.persistence.Column'); ann.append('@Column(%s)' % ', '.join(colopts))
        if jt == 'Instant': imports.add('java.time.Instant')
        if jt == 'BigDecimal': imports.add('java.math.BigDecimal')
        if 'fk' in o:
            jt = jt + 'Entity'
        lines.append((ann, jt, fn))
    src = f'package {PKG};\n\n' + ''.join(f'import {i};\n' for i in sorted(imports)) + '\n'
    src += f'/** {doc} Generated by server/tools/gen_entities.py together with the schema migrations. */\n'
    src += f'@Entity\n@Table(name = "{table}")\npublic class {name}Entity extends BaseEntity {{\n'
    for ann, jt, fn in lines:
        for a in ann: src += f'    {a}\n'
        src += f'    private {jt} {fn};\n\n'
    for ann, jt, fn in lines:
        cap = fn[0].upper() + fn[1:]
        getter = ('is' if jt == 'boolean' else 'get') + cap
        src += f'    public {jt} {getter}() {{\n        return {fn};\n    }}\n\n'
        if fn != 'version':
            src += f'    public void set{cap}({jt} {fn}) {{\n        this.{fn} = {fn};\n    }}\n\n'
    src = src.rstrip() + '\n}\n'
    open(os.path.join(OUT, name + 'Entity.java'), 'w').write(src)

SQL_TYPES = {
    'derby': {'CLOB': 'CLOB', 'DOUBLE': 'DOUBLE'},
    'postgresql': {'CLOB': 'TEXT', 'DOUBLE': 'DOUBLE PRECISION'},
}


def migration(vendor):
    """One portable schema, written once per database vendor (Flyway picks the folder by vendor)."""
    out = [f'-- Generated by server/tools/gen_entities.py together with the entities: edit the generator, not this file.',
           'CREATE SEQUENCE gate_seq AS BIGINT START WITH 1 INCREMENT BY 50;', '']
    fks = []
    for name, table, doc, fields in TABLES:
        cols = ['    id BIGINT NOT NULL']
        uniques = []
        for jt, fn, sql, opts in fields:
            o = opts.split()
            col = snake(fn) + ('_id' if 'fk' in o else '')
            sqltype = SQL_TYPES[vendor].get(sql, sql)
            cols.append(f'    {col} {sqltype}' + (' NOT NULL' if 'nn' in o else ''))
            if 'uq' in o:
                uniques.append((f'uq_{table}_{col}', [col]))
            if 'fk' in o:
                target = [t for n, t, _, _ in TABLES if n == jt][0]
                fks.append((table, col, target))
        for cols_multi in UNIQUE_MULTI.get(table, []):
            uniques.append((f'uq_{table}_' + '_'.join(cols_multi), list(cols_multi)))
        cols.append(f'    CONSTRAINT pk_{table} PRIMARY KEY (id)')
        for uname, ucols in uniques:
            cols.append(f'    CONSTRAINT {uname} UNIQUE ({", ".join(ucols)})')
        out.append(f'CREATE TABLE {table} (\n' + ',\n'.join(cols) + '\n);')
        for col in INDEXES.get(table, []):
            out.append(f'CREATE INDEX ix_{table}_{col} ON {table} ({col});')
        out.append('')
    for table, col, target in fks:
        out.append(f'ALTER TABLE {table} ADD CONSTRAINT fk_{table}_{col} FOREIGN KEY ({col}) REFERENCES {target} (id);')
    path = f'server/src/main/resources/db/migration/{vendor}/V1__initial_schema.sql'
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'w').write('\n'.join(out) + '\n')


for t in TABLES: entity(*t)
for v in SQL_TYPES: migration(v)
print('generated', len(TABLES), 'entities')
