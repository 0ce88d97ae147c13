"""The office schema as SQL, generated from the laptop's models (docs/sync.md, "Office schema").

Schema ``records`` holds one table per synced laptop table, with the same columns (types compiled for
PostgreSQL: JSON → jsonb, UUID → uuid, UTC timestamps → timestamptz) plus ``row_version``,
``server_xid`` and ``server_seq``. Schema ``sync`` holds the machinery: meta, stations, devices,
the batch and op ledgers, conflicts, holidays, number leases and the functions devices call.

Every statement is idempotent (``IF NOT EXISTS``, ``CREATE OR REPLACE``, drop-and-create for
policies), so running the whole list again is a no-op, and a newer list upgrades an older schema.
"""

from __future__ import annotations

from sqlalchemy import UniqueConstraint

from inspector.domain.validation import LONG_TEXT_MAX
from inspector.sync import schema

# Errors a single op may raise that make it "rejected" instead of failing the batch: bad values
# (22xxx), constraint violations (23xxx), a policy refusing the row (42501), our own checks (P0001).
_OP_ERRORS = "data_exception OR integrity_constraint_violation OR insufficient_privilege OR raise_exception"


def q(ident: str) -> str:
    """Quote an identifier (role names come from the administrator's prefix)."""
    return '"' + ident.replace('"', '""') + '"'


def lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def insert_columns(name: str) -> list[str]:
    """What a device may write in a new row: the record's columns, not the server's (nor
    ``server_version``, which starts at 1 like ``row_version``)."""
    return [c.name for c in schema.columns(name) if c.name != "server_version"]


def _table_ddl(name: str, existing: set[str] | None) -> list[str]:
    cols = []
    for c in schema.columns(name):
        null = "" if c.nullable else " NOT NULL"
        cols.append(f"{c.name} {c.pg_type}{null}")
    cols.append("PRIMARY KEY (id)")
    t = schema.table(name)
    for con in t.constraints:
        if isinstance(con, UniqueConstraint):
            cols.append(f"UNIQUE ({', '.join(c.name for c in con.columns)})")
    for col in t.columns:
        if col.unique:
            cols.append(f"UNIQUE ({col.name})")
    body = ",\n  ".join(cols)
    server = [
        "row_version bigint NOT NULL DEFAULT 1",
        "server_xid xid8 NOT NULL DEFAULT pg_current_xact_id()",
        "server_seq bigint NOT NULL DEFAULT nextval('sync.server_seq')",
    ]
    out = [f"CREATE TABLE IF NOT EXISTS records.{name} (\n  {body},\n  {', '.join(server)}\n)"]
    # A newer laptop schema adds columns: the office gains them (nullable, so old rows stay valid).
    if existing is not None:
        for c in schema.columns(name):
            if c.name not in existing:
                out.append(f"ALTER TABLE records.{name} ADD COLUMN IF NOT EXISTS {c.name} {c.pg_type}")
    out += _length_checks(name)
    out += [
        f"CREATE INDEX IF NOT EXISTS {name}_pull ON records.{name} (station_id, server_xid, server_seq)",
        f"DROP TRIGGER IF EXISTS stamp ON records.{name}",
        # A new row's server columns come from their defaults (devices may not insert them: column
        # grants below); every update is re-stamped by the trigger.
        f"ALTER TABLE records.{name} ALTER COLUMN server_version SET DEFAULT 1",
        f"CREATE TRIGGER stamp BEFORE UPDATE ON records.{name} "
        "FOR EACH ROW EXECUTE FUNCTION sync.stamp_record()",
    ]
    return out


def _length_checks(name: str) -> list[str]:
    """The laptop's limits at the office too: one-line texts are ``varchar(n)`` already (the models'
    lengths are the specs'); several-line texts get ``char_length <= LONG_TEXT_MAX``. Added once,
    ``NOT VALID`` (rows already there are not re-checked; every new write is)."""
    adds = [
        f"IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'records.{name}'::regclass "
        f"AND conname = {lit(_len_name(name, c.name))}) THEN ALTER TABLE records.{name} ADD CONSTRAINT "
        f"{q(_len_name(name, c.name))} CHECK (char_length({c.name}) <= {LONG_TEXT_MAX}) NOT VALID; END IF;"
        for c in schema.columns(name)
        if c.pg_type == "text"
    ]
    return [f"DO $l$ BEGIN {' '.join(adds)} END $l$"] if adds else []


def _len_name(table: str, column: str) -> str:
    return f"{table}_{column}_len"[:63]


_NUMBERED_CASE = " ".join(f"WHEN {lit(t)} THEN {lit(dt)}" for t, dt in schema.NUMBERED_TABLES.items())

BASE_DDL = [
    "CREATE SCHEMA IF NOT EXISTS sync",
    "CREATE SCHEMA IF NOT EXISTS records",
    "CREATE SEQUENCE IF NOT EXISTS sync.server_seq",
    "CREATE TABLE IF NOT EXISTS sync.meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE IF NOT EXISTS sync.station (
  code text PRIMARY KEY,
  name text NOT NULL,
  id uuid UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz
)""",
    """CREATE TABLE IF NOT EXISTS sync.device (
  role_name text PRIMARY KEY,
  station_code text NOT NULL REFERENCES sync.station (code),
  name text NOT NULL,
  device_id uuid UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  enrolled_at timestamptz,
  revoked_at timestamptz,
  UNIQUE (station_code, name)
)""",
    # The ledger: every batch received with its payload hash and the result of each op (returned
    # again, unchanged, whenever the batch is resent) …
    """CREATE TABLE IF NOT EXISTS sync.batch (
  batch_id uuid PRIMARY KEY,
  station_id uuid NOT NULL,
  device_role text NOT NULL DEFAULT session_user,
  payload_sha256 text NOT NULL,
  op_count integer NOT NULL,
  results jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
)""",
    # … and every op applied, by id, naming the batch that holds its result.
    """CREATE TABLE IF NOT EXISTS sync.op_ledger (
  op_id uuid PRIMARY KEY,
  batch_id uuid NOT NULL,
  station_id uuid NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS sync.conflict (
  conflict_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id uuid NOT NULL,
  device_role text NOT NULL DEFAULT session_user,
  op_id uuid NOT NULL,
  table_name text NOT NULL,
  row_id uuid NOT NULL,
  base_version bigint,
  server_version bigint,
  mine jsonb NOT NULL,
  theirs jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
)""",
    """CREATE TABLE IF NOT EXISTS sync.holiday_day (
  day date PRIMARY KEY,
  is_workday boolean NOT NULL,
  holiday_name varchar(24),
  note varchar(200),
  updated_at timestamptz NOT NULL DEFAULT now(),
  row_version bigint NOT NULL DEFAULT 1,
  server_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  server_seq bigint NOT NULL DEFAULT nextval('sync.server_seq')
)""",
    "CREATE INDEX IF NOT EXISTS holiday_day_pull ON sync.holiday_day (server_xid, server_seq)",
    # Attachment bytes, content-addressed per station, in chunks of at most 1 MiB (resumable).
    """CREATE TABLE IF NOT EXISTS sync.blob (
  station_id uuid NOT NULL,
  sha256 text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  chunk_count integer NOT NULL CHECK (chunk_count >= 1),
  complete boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, sha256)
)""",
    """CREATE TABLE IF NOT EXISTS sync.blob_chunk (
  station_id uuid NOT NULL,
  sha256 text NOT NULL,
  chunk_no integer NOT NULL,
  data bytea NOT NULL CHECK (length(data) <= 1048576),
  PRIMARY KEY (station_id, sha256, chunk_no)
)""",
    """CREATE TABLE IF NOT EXISTS sync.number_lease (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  station_code text NOT NULL REFERENCES sync.station (code),
  device_role text NOT NULL REFERENCES sync.device (role_name),
  doc_type text NOT NULL,
  year integer NOT NULL,
  first_seq integer NOT NULL,
  last_seq integer NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  voided_at timestamptz,
  row_version bigint NOT NULL DEFAULT 1,
  server_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  server_seq bigint NOT NULL DEFAULT nextval('sync.server_seq'),
  CHECK (first_seq >= 1 AND first_seq <= last_seq)
)""",
    "CREATE INDEX IF NOT EXISTS number_lease_pull ON sync.number_lease (device_role, server_xid, server_seq)",
    # The office's secret for lease ids: a lease's id is a keyed hash of its station, holder, type,
    # year and range (sync.lease_token), so after an office restore a device can show that the office
    # granted it exactly that range — and can never make up another. No device may read it.
    """CREATE TABLE IF NOT EXISTS sync.lease_key (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  key bytea NOT NULL
)""",
    "INSERT INTO sync.lease_key (key) "
    "SELECT uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) "
    "ON CONFLICT (only_row) DO NOTHING",
    # ---- triggers: versions and stream positions are stamped by the server, whoever writes ----
    """CREATE OR REPLACE FUNCTION sync.stamp_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.station_id IS DISTINCT FROM OLD.station_id THEN
    RAISE EXCEPTION 'id and station_id never change' USING ERRCODE = 'check_violation';
  END IF;
  NEW.row_version := OLD.row_version + 1;
  NEW.server_version := NEW.row_version;
  NEW.server_xid := pg_current_xact_id();
  NEW.server_seq := nextval('sync.server_seq');
  RETURN NEW;
END $$""",
    """CREATE OR REPLACE FUNCTION sync.stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.row_version := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE OLD.row_version + 1 END;
  NEW.server_xid := pg_current_xact_id();
  NEW.server_seq := nextval('sync.server_seq');
  RETURN NEW;
END $$""",
    "DROP TRIGGER IF EXISTS stamp ON sync.holiday_day",
    "CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON sync.holiday_day "
    "FOR EACH ROW EXECUTE FUNCTION sync.stamp_row()",
    """CREATE OR REPLACE FUNCTION sync.check_lease() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Leases of one station, type and year never overlap: two devices never hold the same number.
  PERFORM pg_advisory_xact_lock(hashtextextended(
    'lease:' || NEW.station_code || ':' || NEW.doc_type || ':' || NEW.year, 0));
  IF TG_OP = 'UPDATE' AND (NEW.first_seq, NEW.last_seq, NEW.doc_type, NEW.year, NEW.station_code,
                           NEW.device_role)
     IS DISTINCT FROM (OLD.first_seq, OLD.last_seq, OLD.doc_type, OLD.year, OLD.station_code,
                       OLD.device_role) THEN
    RAISE EXCEPTION 'a lease''s range and holder never change (void it and grant another)'
      USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM sync.number_lease l
             WHERE l.station_code = NEW.station_code AND l.doc_type = NEW.doc_type
               AND l.year = NEW.year AND l.id <> NEW.id
               AND l.first_seq <= NEW.last_seq AND NEW.first_seq <= l.last_seq) THEN
    RAISE EXCEPTION 'lease %-% overlaps another lease of % %', NEW.first_seq, NEW.last_seq,
      NEW.doc_type, NEW.year USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END $$""",
    "DROP TRIGGER IF EXISTS check_lease ON sync.number_lease",
    "CREATE TRIGGER check_lease BEFORE INSERT OR UPDATE ON sync.number_lease "
    "FOR EACH ROW EXECUTE FUNCTION sync.check_lease()",
    "DROP TRIGGER IF EXISTS stamp ON sync.number_lease",
    "CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON sync.number_lease "
    "FOR EACH ROW EXECUTE FUNCTION sync.stamp_row()",
]


FUNCTIONS = [
    # The one SECURITY DEFINER lookup: which station this login belongs to (NULL for anyone else).
    # (PL/pgSQL rather than SQL: its query plan is cached for the session, so a call costs microseconds.)
    """CREATE OR REPLACE FUNCTION sync.current_station() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  RETURN (SELECT s.id FROM sync.device d JOIN sync.station s ON s.code = d.station_code
          WHERE d.role_name = session_user AND d.revoked_at IS NULL);
END $$""",
    """CREATE OR REPLACE FUNCTION sync.hello(p_client_schema integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT jsonb_build_object(
    'schema_version', (SELECT value::integer FROM sync.meta WHERE key = 'schema_version'),
    'db_epoch', (SELECT value FROM sync.meta WHERE key = 'db_epoch'),
    'role', session_user::text,
    'station_code', d.station_code,
    'station_id', s.id,
    'device_id', d.device_id,
    'enrolled', d.enrolled_at IS NOT NULL,
    'revoked', d.revoked_at IS NOT NULL,
    'server_time', now())
  FROM (SELECT 1) AS one
  LEFT JOIN sync.device d ON d.role_name = session_user
  LEFT JOIN sync.station s ON s.code = d.station_code
$$""",
    # Enrollment binds the login to this laptop's device id and, for a station's first laptop,
    # the station registry entry to the laptop's station id. Later laptops must match it. The binding
    # is pending until sync.enroll_confirm: until then the one-time secret still logs in, and a
    # repeated enrollment — the same laptop after a cut, or one that lost its half-made folder — is
    # accepted, re-binding the login to the id it sends. Once confirmed, another id is refused.
    """CREATE OR REPLACE FUNCTION sync.enroll(p_device_id uuid, p_station_id uuid, p_station_code text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  d sync.device;
  s sync.station;
BEGIN
  SELECT * INTO d FROM sync.device WHERE role_name = session_user FOR UPDATE;
  IF NOT FOUND OR d.revoked_at IS NOT NULL THEN
    RAISE EXCEPTION 'this login is not an active device' USING ERRCODE = 'IN001';
  END IF;
  IF d.enrolled_at IS NOT NULL AND d.device_id IS DISTINCT FROM p_device_id THEN
    RAISE EXCEPTION 'this device login is already enrolled on another laptop' USING ERRCODE = 'IN002';
  END IF;
  SELECT * INTO s FROM sync.station WHERE code = d.station_code FOR UPDATE;
  IF p_station_id IS NULL THEN
    IF s.id IS NULL THEN
      RAISE EXCEPTION 'station % has no data yet: enroll its first laptop (made with inspector init) first',
        s.code USING ERRCODE = 'IN003';
    END IF;
  ELSIF s.id IS NULL THEN
    IF p_station_code IS DISTINCT FROM s.code THEN
      RAISE EXCEPTION 'this laptop belongs to station %, the device login to station %', p_station_code,
        s.code USING ERRCODE = 'IN004';
    END IF;
    UPDATE sync.station SET id = p_station_id, claimed_at = now() WHERE code = s.code;
    s.id := p_station_id;
  ELSIF s.id <> p_station_id THEN
    RAISE EXCEPTION 'station % already has its data from another laptop; enroll into an empty data folder',
      s.code USING ERRCODE = 'IN005';
  END IF;
  UPDATE sync.device SET device_id = p_device_id WHERE role_name = session_user;
  RETURN jsonb_build_object('station_id', s.id, 'station_code', s.code, 'device_id', p_device_id,
                            'db_epoch', (SELECT value FROM sync.meta WHERE key = 'db_epoch'));
END $$""",
    # The laptop has everything (a new folder: all its station's records): the binding becomes final
    # and, in the same transaction, the login's password becomes the one only the laptop's keyring
    # knows (its SCRAM verifier, made on the laptop) — the one-time secret stops working. Again for the
    # same laptop it changes nothing but the password.
    """CREATE OR REPLACE FUNCTION sync.enroll_confirm(p_device_id uuid, p_verifier text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  d sync.device;
BEGIN
  SELECT * INTO d FROM sync.device WHERE role_name = session_user FOR UPDATE;
  IF NOT FOUND OR d.revoked_at IS NOT NULL THEN
    RAISE EXCEPTION 'this login is not an active device' USING ERRCODE = 'IN001';
  END IF;
  IF d.device_id IS DISTINCT FROM p_device_id THEN
    RAISE EXCEPTION 'this device login is enrolled for another laptop' USING ERRCODE = 'IN002';
  END IF;
  IF p_verifier !~ '^SCRAM-SHA-256[$][0-9]+:[A-Za-z0-9+/=]+[$][A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
    RAISE EXCEPTION 'not a SCRAM-SHA-256 verifier' USING ERRCODE = 'IN006';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_verifier);
  UPDATE sync.device SET enrolled_at = coalesce(enrolled_at, now()) WHERE role_name = session_user;
  RETURN (SELECT jsonb_build_object('station_id', s.id, 'station_code', s.code, 'device_id', p_device_id,
                                    'db_epoch', (SELECT value FROM sync.meta WHERE key = 'db_epoch'))
          FROM sync.station s WHERE s.code = d.station_code);
END $$""",
    # Upload: announce a blob (returns the chunk numbers the office still lacks), then send them.
    """CREATE OR REPLACE FUNCTION sync.blob_begin(p_sha256 text, p_size bigint) RETURNS integer[]
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
DECLARE
  v_station uuid := sync.current_station();
  v_blob sync.blob;
BEGIN
  INSERT INTO sync.blob (station_id, sha256, size, chunk_count)
  VALUES (v_station, p_sha256, p_size, greatest(1, ceil(p_size / 1048576.0)::integer))
  ON CONFLICT (station_id, sha256) DO NOTHING;
  SELECT * INTO v_blob FROM sync.blob WHERE station_id = v_station AND sha256 = p_sha256;
  IF v_blob.complete THEN
    RETURN '{}';
  END IF;
  RETURN ARRAY(SELECT g FROM generate_series(0, v_blob.chunk_count - 1) g
               WHERE NOT EXISTS (SELECT 1 FROM sync.blob_chunk c WHERE c.station_id = v_station
                                 AND c.sha256 = p_sha256 AND c.chunk_no = g)
               ORDER BY g);
END $$""",
    """CREATE OR REPLACE FUNCTION sync.blob_put(p_sha256 text, p_chunk_no integer, p_data bytea)
RETURNS boolean LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
DECLARE
  v_station uuid := sync.current_station();
  v_blob sync.blob;
  v_all bytea;
BEGIN
  SELECT * INTO v_blob FROM sync.blob WHERE station_id = v_station AND sha256 = p_sha256 FOR UPDATE;
  IF NOT FOUND OR p_chunk_no < 0 OR p_chunk_no >= v_blob.chunk_count THEN
    RAISE EXCEPTION 'no chunk % of attachment %', p_chunk_no, p_sha256 USING ERRCODE = 'IN010';
  END IF;
  IF v_blob.complete THEN
    RETURN true;
  END IF;
  INSERT INTO sync.blob_chunk (station_id, sha256, chunk_no, data)
  VALUES (v_station, p_sha256, p_chunk_no, p_data) ON CONFLICT DO NOTHING;
  IF (SELECT count(*) FROM sync.blob_chunk WHERE station_id = v_station AND sha256 = p_sha256)
     < v_blob.chunk_count THEN
    RETURN false;
  END IF;
  SELECT string_agg(data, ''::bytea ORDER BY chunk_no) INTO v_all
  FROM sync.blob_chunk WHERE station_id = v_station AND sha256 = p_sha256;
  IF length(v_all) <> v_blob.size OR encode(sha256(v_all), 'hex') <> p_sha256 THEN
    RAISE EXCEPTION 'attachment % does not match its sha256', p_sha256 USING ERRCODE = 'IN011';
  END IF;
  UPDATE sync.blob SET complete = true WHERE station_id = v_station AND sha256 = p_sha256;
  RETURN true;
END $$""",
    """CREATE OR REPLACE FUNCTION sync.rejected(p_code text, p_message text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('status', 'rejected', 'code', p_code, 'message', p_message)
$$""",
    """CREATE OR REPLACE FUNCTION sync.conflict_result(p_op jsonb, p_station uuid, p_theirs jsonb)
RETURNS jsonb LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
DECLARE
  v_id uuid;
  v_theirs jsonb := p_theirs - 'server_xid' - 'server_seq';
  v_version bigint := (p_theirs ->> 'row_version')::bigint;
BEGIN
  INSERT INTO sync.conflict (station_id, op_id, table_name, row_id, base_version, server_version, mine,
                             theirs)
  VALUES (p_station, (p_op ->> 'op_id')::uuid, p_op ->> 'table', (p_op ->> 'row_id')::uuid,
          (p_op ->> 'base_version')::bigint, v_version, p_op -> 'row', v_theirs)
  RETURNING conflict_id INTO v_id;
  RETURN jsonb_build_object('status', 'conflict', 'conflict_id', v_id, 'server_version', v_version,
                            'theirs', v_theirs);
END $$""",
    # A row's record part: what a laptop wrote, without the versions and stream positions around it.
    # An insert of a row the office already holds with exactly this content is no conflict (a re-seed
    # after an office restore, or an insert re-sent under a new op id): it takes the office's version.
    """CREATE OR REPLACE FUNCTION sync.record_part(p_row jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_row - 'row_version' - 'server_xid' - 'server_seq' - 'server_version'
$$""",
    # A re-seed op (a laptop filling a restored office) on a row the office holds with other values.
    # ``restore_seq`` (sync.meta, set with the new epoch) marks the stream position at the restore: a
    # row at or below it is as the backup left it, and its row_version still counts in the lineage the
    # laptop's ``reseed_version`` comes from. Then: the laptop's copy is as new or newer → take it;
    # older and not edited on the laptop → "stale" (the laptop takes the office's copy by pulling);
    # anything else — an edit on an older copy, or a row written since the restore — is a conflict.
    """CREATE OR REPLACE FUNCTION sync.reseed_answer(p_op jsonb, p_theirs jsonb) RETURNS text
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog AS $$
DECLARE
  v_mark bigint := (SELECT value::bigint FROM sync.meta WHERE key = 'restore_seq');
  v_old bigint := (p_op ->> 'reseed_version')::bigint;
BEGIN
  IF v_old IS NULL OR v_mark IS NULL OR p_theirs IS NULL
     OR (p_theirs ->> 'server_seq')::bigint > v_mark THEN
    RETURN 'conflict';
  END IF;
  IF v_old >= (p_theirs ->> 'row_version')::bigint THEN
    RETURN 'take_mine';
  END IF;
  IF (p_op ->> 'pending')::boolean IS FALSE THEN
    RETURN 'stale';
  END IF;
  RETURN 'conflict';
END $$""",
    """CREATE OR REPLACE FUNCTION sync.lease_token(p_station text, p_role text, p_doc_type text,
  p_year integer, p_first integer, p_last integer)
RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
  FROM (SELECT encode(sha256(k.key || sha256(k.key || convert_to(
          concat_ws('|', p_station, p_role, p_doc_type, p_year, p_first, p_last), 'UTF8'))), 'hex') AS h
        FROM sync.lease_key k) AS t
$$""",
    # A numbered document pushed with a number none of the device's leases holds (issued before
    # enrollment, or from a block the office lost in a restore): the office takes it as issued — the
    # document is there, from this device — and records the number as a voided lease of the device,
    # if nobody else holds it. Claims of consecutive numbers in one push make one lease.
    f"""CREATE OR REPLACE FUNCTION sync.claim_number(p_table text, p_id uuid)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  d sync.device;
  v_type text := CASE p_table {_NUMBERED_CASE} END;
  r record;
  v_station uuid;
  prior sync.number_lease;
  v_first integer;
BEGIN
  SELECT * INTO d FROM sync.device WHERE role_name = session_user AND revoked_at IS NULL;
  IF NOT FOUND OR d.device_id IS NULL OR v_type IS NULL THEN
    RETURN false;
  END IF;
  SELECT id INTO v_station FROM sync.station WHERE code = d.station_code;
  EXECUTE format('SELECT station_id, device_id, doc_year, doc_seq FROM records.%I WHERE id = $1', p_table)
    INTO r USING p_id;
  IF r.doc_seq IS NULL OR r.doc_year IS NULL OR r.station_id IS DISTINCT FROM v_station
     OR r.device_id IS DISTINCT FROM d.device_id
     OR r.doc_year NOT BETWEEN 1990 AND 2099 OR r.doc_seq NOT BETWEEN 1 AND 999999 THEN
    RETURN false;
  END IF;
  v_first := r.doc_seq;
  SELECT * INTO prior FROM sync.number_lease
  WHERE station_code = d.station_code AND device_role = session_user AND doc_type = v_type
    AND year = r.doc_year AND last_seq = r.doc_seq - 1 AND voided_at IS NOT NULL
    AND server_xid = pg_current_xact_id();
  IF FOUND THEN  -- made by this same push, seen by nobody yet: grow it
    DELETE FROM sync.number_lease WHERE id = prior.id;
    v_first := prior.first_seq;
  END IF;
  INSERT INTO sync.number_lease (id, station_code, device_role, doc_type, year, first_seq, last_seq,
                                 granted_at, voided_at)
  VALUES (sync.lease_token(d.station_code, session_user, v_type, r.doc_year, v_first, r.doc_seq),
          d.station_code, session_user, v_type, r.doc_year, v_first, r.doc_seq, now(), now());
  RETURN true;
EXCEPTION WHEN exclusion_violation OR unique_violation THEN
  RETURN false;
END $$""",
    # After an office restore, a laptop declares the number blocks it holds so that the office never
    # grants them again: only a lease this office granted it (the id is the lease's token), for itself,
    # where no other lease overlaps (the check_lease trigger), never changing an existing lease.
    # Numbers it issued come back with their documents (sync.claim_number), not through here.
    """CREATE OR REPLACE FUNCTION sync.reclaim_lease(p_id uuid, p_doc_type text, p_year integer,
  p_first integer, p_last integer, p_granted_at timestamptz, p_voided_at timestamptz)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  d sync.device;
  l sync.number_lease;
BEGIN
  SELECT * INTO d FROM sync.device WHERE role_name = session_user AND revoked_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'this login is not an active device' USING ERRCODE = 'IN001';
  END IF;
  -- What a laptop can really hold: a sane range in a sane year (a device must not fence off a year).
  IF p_first < 1 OR p_last < p_first OR p_last - p_first >= 10000
     OR p_year NOT BETWEEN 2000 AND extract(year FROM now())::integer + 1 THEN
    RETURN 'refused';
  END IF;
  SELECT * INTO l FROM sync.number_lease WHERE id = p_id;
  IF FOUND THEN
    RETURN CASE WHEN l.device_role = session_user AND l.doc_type = p_doc_type AND l.year = p_year
                     AND l.first_seq <= p_first AND p_last <= l.last_seq
                THEN 'known' ELSE 'different' END;
  END IF;
  IF p_id IS DISTINCT FROM sync.lease_token(d.station_code, session_user, p_doc_type, p_year, p_first,
                                             p_last) THEN
    RETURN 'refused';  -- not a lease this office granted to this device: numbers cannot be made up
  END IF;
  INSERT INTO sync.number_lease (id, station_code, device_role, doc_type, year, first_seq, last_seq,
                                 granted_at, voided_at)
  VALUES (p_id, d.station_code, session_user, p_doc_type, p_year, p_first, p_last,
          coalesce(p_granted_at, now()), p_voided_at);
  RETURN 'reclaimed';
EXCEPTION WHEN exclusion_violation THEN
  RETURN 'overlap';
END $$""",
]


def _lease_check(name: str) -> str:
    """A new or changed number must lie in one of the device's leases — or be claimable as issued
    (checked after the write: ``_claim``)."""
    doc_type = schema.NUMBERED_TABLES.get(name)
    if doc_type is None:
        return ""
    return f"""
  IF n.doc_seq IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM records.{name} x
       WHERE x.id = n.id AND x.doc_year IS NOT DISTINCT FROM n.doc_year AND x.doc_seq = n.doc_seq) THEN
    IF n.doc_year IS NULL THEN
      RETURN sync.rejected('number_not_leased', '文号 without a year');
    END IF;
    claim := NOT EXISTS (
         SELECT 1 FROM sync.number_lease l
         WHERE l.device_role = session_user AND l.doc_type = {lit(doc_type)} AND l.year = n.doc_year
           AND n.doc_seq BETWEEN l.first_seq AND l.last_seq);
  END IF;"""


def _write(name: str, insertable: list[str], values: str, set_cols: str, set_vals: str) -> str:
    """The insert or update of the op; for a numbered table with a number to claim, in a block that
    undoes the write when the office cannot take the number as issued by this device."""
    write = f"""IF base IS NULL THEN
    INSERT INTO records.{name} ({", ".join(insertable)}) VALUES ({values})
    ON CONFLICT (id) DO NOTHING RETURNING row_version INTO v;
  ELSE
    UPDATE records.{name} SET ({set_cols}) = ROW({set_vals})
    WHERE id = n.id AND row_version = base RETURNING row_version INTO v;
  END IF;"""
    if name not in schema.NUMBERED_TABLES:
        return "  " + write
    return f"""  IF NOT claim THEN
  {write}
  ELSE
    BEGIN
  {write}
      IF v IS NOT NULL AND NOT sync.claim_number({lit(name)}, n.id) THEN
        RAISE EXCEPTION 'not leased' USING ERRCODE = 'IN010';
      END IF;
    EXCEPTION WHEN SQLSTATE 'IN010' THEN
      RETURN sync.rejected('number_not_leased', format(
        '文号 %s-%s is not in a number block leased to this device, and another holds it',
        n.doc_year, n.doc_seq));
    END;
  END IF;"""


def apply_function(name: str) -> str:
    """``sync.apply_<table>(op, station)``: one op on one table, static SQL (plans are cached)."""
    cols = [c.name for c in schema.columns(name)]
    insertable = insert_columns(name)
    values = ", ".join(f"n.{c}" for c in insertable)
    settable = [c for c in cols if c not in ("id", "station_id")]
    set_cols = ", ".join(settable)
    set_vals = ", ".join(f"n.{c}" for c in settable)
    return f"""CREATE OR REPLACE FUNCTION sync.apply_{name}(p_op jsonb, p_station uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $f$
DECLARE
  n records.{name};
  o records.{name};
  v bigint;
  base bigint := (p_op ->> 'base_version')::bigint;
  claim boolean := false;
BEGIN
  n := jsonb_populate_record(NULL::records.{name}, p_op -> 'row');
  IF n.id IS NULL OR n.id IS DISTINCT FROM (p_op ->> 'row_id')::uuid THEN
    RETURN sync.rejected('bad_op', 'the row''s id is missing or differs from the op''s row_id');
  END IF;
  IF n.station_id IS DISTINCT FROM p_station THEN
    RETURN sync.rejected('wrong_station', 'the row belongs to another station');
  END IF;{_lease_check(name)}
{_write(name, insertable, values, set_cols, set_vals)}
  IF v IS NOT NULL THEN
    RETURN jsonb_build_object('status', 'ok', 'version', v);
  END IF;
  SELECT * INTO o FROM records.{name} WHERE id = n.id;
  IF FOUND THEN
    IF base IS NULL AND sync.record_part(to_jsonb(o)) = sync.record_part(to_jsonb(n)) THEN
      RETURN jsonb_build_object('status', 'ok', 'version', o.row_version);  -- already here, as sent
    END IF;
    CASE sync.reseed_answer(p_op, to_jsonb(o))
      WHEN 'take_mine' THEN  -- as an update of the office's version (once: the re-seed mark is dropped)
        RETURN sync.apply_{name}(
          jsonb_set(p_op - 'reseed_version', '{{base_version}}', to_jsonb(o.row_version)), p_station);
      WHEN 'stale' THEN
        RETURN jsonb_build_object('status', 'stale', 'version', o.row_version);
      ELSE
        RETURN sync.conflict_result(p_op, p_station, to_jsonb(o));
    END CASE;
  END IF;
  RETURN sync.conflict_result(p_op, p_station, NULL);
END $f$"""


def apply_set_function(name: str) -> str:
    """``sync.apply_set_<table>(ops, station)``: all of a batch's ops on one table in two statements.

    Returns a map op_id → result. Raises ``IN100`` when an op needs the careful per-op path (an op on
    another table, a row of another station, a row id named twice, an id that differs from the op's
    ``row_id``); a bad value raises its own error. Either way the caller rolls this back and applies
    the table's ops one by one.
    """
    cols = [c.name for c in schema.columns(name)]
    insertable = insert_columns(name)
    settable = [c for c in cols if c not in ("id", "station_id")]
    return f"""CREATE OR REPLACE FUNCTION sync.apply_set_{name}(p_ops jsonb, p_station uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $f$
DECLARE
  v_map jsonb;
  v_op jsonb;
  v_theirs jsonb;
BEGIN
  IF (SELECT bool_or(e ->> 'table' IS DISTINCT FROM {lit(name)}
                     OR (e -> 'row' ->> 'station_id')::uuid IS DISTINCT FROM p_station
                     OR (e -> 'row' ->> 'id')::uuid IS DISTINCT FROM (e ->> 'row_id')::uuid)
             OR count(DISTINCT e ->> 'row_id') <> count(*)
      FROM jsonb_array_elements(p_ops) e) THEN
    RAISE EXCEPTION 'ops need one-by-one handling' USING ERRCODE = 'IN100';
  END IF;
  WITH ins AS (
    INSERT INTO records.{name} ({", ".join(insertable)})
    SELECT {", ".join(f"n.{c}" for c in insertable)}
    FROM jsonb_array_elements(p_ops) e, LATERAL jsonb_populate_record(NULL::records.{name}, e -> 'row') n
    WHERE e ->> 'base_version' IS NULL
    ON CONFLICT (id) DO NOTHING
    RETURNING id, row_version
  ), upd AS (
    -- (a record set, not a per-element LATERAL: the join to the table must not re-run the function)
    UPDATE records.{name} t SET ({", ".join(settable)}) = ROW({", ".join(f"n.{c}" for c in settable)})
    FROM jsonb_populate_recordset(NULL::records.{name},
      (SELECT coalesce(jsonb_agg(jsonb_set(e -> 'row', '{{row_version}}', e -> 'base_version')), '[]')
       FROM jsonb_array_elements(p_ops) e WHERE e ->> 'base_version' IS NOT NULL)) n
    WHERE t.id = n.id AND t.row_version = n.row_version
    RETURNING t.id, t.row_version
  )
  SELECT coalesce(jsonb_object_agg(e ->> 'op_id',
                                    jsonb_build_object('status', 'ok', 'version', d.row_version)), '{{}}')
  INTO v_map
  FROM jsonb_array_elements(p_ops) e
  JOIN (SELECT * FROM ins UNION ALL SELECT * FROM upd) d ON d.id::text = e ->> 'row_id';
  -- What neither statement touched met another version (or no row): a conflict, with both versions.
  FOR v_op IN SELECT e FROM jsonb_array_elements(p_ops) e WHERE NOT v_map ? (e ->> 'op_id') LOOP
    SELECT to_jsonb(o) INTO v_theirs FROM records.{name} o WHERE o.id = (v_op ->> 'row_id')::uuid;
    IF v_op ->> 'base_version' IS NULL AND v_theirs IS NOT NULL
       AND sync.record_part(v_theirs)
           = sync.record_part(to_jsonb(jsonb_populate_record(NULL::records.{name}, v_op -> 'row'))) THEN
      v_map := v_map || jsonb_build_object(v_op ->> 'op_id',  -- already here, as sent
        jsonb_build_object('status', 'ok', 'version', (v_theirs ->> 'row_version')::bigint));
    ELSIF v_theirs IS NOT NULL AND v_op ? 'reseed_version' THEN
      v_map := v_map || jsonb_build_object(v_op ->> 'op_id', sync.apply_{name}(v_op, p_station));
    ELSE
      v_map := v_map || jsonb_build_object(v_op ->> 'op_id', sync.conflict_result(v_op, p_station, v_theirs));
    END IF;
  END LOOP;
  RETURN v_map;
END $f$"""


def push_function() -> str:
    one = "\n".join(
        f"              WHEN {lit(t)} THEN sync.apply_{t}(v_op, v_station)" for t in schema.table_names()
    )
    fast = [t for t in schema.table_names() if t not in schema.NUMBERED_TABLES]
    many = "\n".join(f"            WHEN {lit(t)} THEN sync.apply_set_{t}(v_group, v_station)" for t in fast)
    return f"""CREATE OR REPLACE FUNCTION sync.push(
  p_batch_id uuid, p_schema_version integer, p_payload text
) RETURNS jsonb LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog SET jit = off AS $f$
DECLARE
  v_station uuid := sync.current_station();
  v_office integer := (SELECT value::integer FROM sync.meta WHERE key = 'schema_version');
  -- The hash of the exact bytes the laptop froze (the text as received, before any parsing).
  v_hash text := encode(sha256(convert_to(p_payload, 'UTF8')), 'hex');
  v_ops jsonb;
  v_known sync.batch;
  v_ids uuid[];
  v_tables integer;
  v_first_table text;
  v_done jsonb;
  v_map jsonb := '{{}}';
  v_part jsonb;
  v_table text;
  v_group jsonb;
  v_op jsonb;
  v_result jsonb;
  v_results jsonb;
BEGIN
  IF v_station IS NULL THEN
    RAISE EXCEPTION 'this login is not an active device' USING ERRCODE = 'IN001';
  END IF;
  IF p_schema_version IS DISTINCT FROM v_office THEN
    -- Nothing is consumed: the laptop keeps the batch and sends it again after the upgrade.
    RETURN jsonb_build_object('status', 'upgrade_required', 'office_schema_version', v_office);
  END IF;
  -- One push per station at a time; the ledger lookups below then see every earlier push.
  PERFORM pg_advisory_xact_lock(hashtextextended('push:' || v_station::text, 0));
  SELECT * INTO v_known FROM sync.batch WHERE batch_id = p_batch_id;
  IF FOUND THEN
    -- (a batch received through the older jsonb signature was hashed as jsonb text)
    IF v_known.payload_sha256 <> v_hash
       AND v_known.payload_sha256 <> encode(sha256(convert_to(p_payload::jsonb::text, 'UTF8')), 'hex') THEN
      RETURN jsonb_build_object('status', 'batch_mismatch',
        'message', 'this batch_id was already received with different content');
    END IF;
    RETURN jsonb_build_object('status', 'ok', 'replayed', true, 'results', v_known.results);
  END IF;
  v_ops := coalesce(p_payload::jsonb -> 'ops', '[]');
  -- Ops already applied (under any batch) answer with their stored result and are not applied again.
  SELECT array_agg((e ->> 'op_id')::uuid), count(DISTINCT e ->> 'table'), min(e ->> 'table')
  INTO v_ids, v_tables, v_first_table
  FROM jsonb_array_elements(v_ops) e;
  SELECT coalesce(jsonb_object_agg(r ->> 'op_id', r), '{{}}'::jsonb) INTO v_done
  FROM sync.batch b CROSS JOIN LATERAL jsonb_array_elements(b.results) r
  WHERE b.batch_id IN (SELECT l.batch_id FROM sync.op_ledger l WHERE l.op_id = ANY (v_ids))
    AND (r ->> 'op_id')::uuid = ANY (v_ids);
  FOR v_table, v_group IN
    -- the usual batch: new ops on one table, taken as they came (no regrouping)
    SELECT v_first_table, v_ops WHERE v_tables = 1 AND v_done = '{{}}'
    UNION ALL
    (SELECT e ->> 'table', jsonb_agg(e ORDER BY ord)
     FROM jsonb_array_elements(v_ops) WITH ORDINALITY AS x (e, ord)
     WHERE NOT (v_tables = 1 AND v_done = '{{}}') AND NOT v_done ? (e ->> 'op_id')
     GROUP BY e ->> 'table' ORDER BY min(ord))
  LOOP
    v_part := NULL;
    BEGIN  -- the fast path: a table's ops in two statements
      v_part := CASE v_table
{many}
          END;
    EXCEPTION WHEN {_OP_ERRORS} OR SQLSTATE 'IN100' THEN
      v_part := NULL;
    END;
    IF v_part IS NULL THEN  -- one by one, so that one bad op is rejected and the others go through
      v_part := '{{}}';
      FOR v_op IN SELECT jsonb_array_elements(v_group) LOOP
        BEGIN
          v_result := CASE v_op ->> 'table'
{one}
              ELSE sync.rejected('unknown_table', format('no synced table %s', v_op ->> 'table'))
            END;
        EXCEPTION WHEN {_OP_ERRORS} THEN
          v_result := jsonb_build_object('status', 'rejected', 'code', SQLSTATE, 'message', SQLERRM);
        END;
        v_part := v_part || jsonb_build_object(v_op ->> 'op_id', v_result);
      END LOOP;
    END IF;
    v_map := v_map || v_part;
  END LOOP;
  SELECT coalesce(jsonb_agg(coalesce(v_done -> (e ->> 'op_id'),
                                     v_map -> (e ->> 'op_id') || jsonb_build_object('op_id', e ->> 'op_id'))
                            ORDER BY ord), '[]')
  INTO v_results
  FROM jsonb_array_elements(v_ops) WITH ORDINALITY AS x (e, ord);
  INSERT INTO sync.batch (batch_id, station_id, payload_sha256, op_count, results)
  VALUES (p_batch_id, v_station, v_hash, jsonb_array_length(v_results), v_results);
  INSERT INTO sync.op_ledger (op_id, batch_id, station_id)
  SELECT key::uuid, p_batch_id, v_station FROM jsonb_object_keys(v_map) key;
  RETURN jsonb_build_object('status', 'ok', 'replayed', false, 'results', v_results);
END $f$"""


# Laptops before the text signature sent the payload as jsonb: their batches (and replays of them)
# keep working, hashed as before.
PUSH_JSONB_COMPAT = """CREATE OR REPLACE FUNCTION sync.push(
  p_batch_id uuid, p_schema_version integer, p_payload jsonb
) RETURNS jsonb LANGUAGE sql SECURITY INVOKER SET search_path = pg_catalog AS $f$
  SELECT sync.push(p_batch_id, p_schema_version, p_payload::text)
$f$"""


def pull_function() -> str:
    """``sync.pull(xid, seq, limit)``: the next rows after the cursor that no running transaction can
    still precede — ``server_xid`` below the snapshot's xmin — in (server_xid, server_seq) order.

    Each table contributes at most ``limit`` rows read in index order (sorting is switched off for the
    function, so fresh statistics are not needed for that plan): a page costs the same however far
    behind the laptop is.
    """
    horizon = "pg_snapshot_xmin(pg_current_snapshot())"
    branches = [(lit(t), f"records.{t}", "t.station_id = v_station AND ") for t in schema.table_names()]
    branches.append(("'holiday_day'", "sync.holiday_day", ""))
    branches.append(("'number_lease'", "sync.number_lease", "t.device_role = session_user::text AND "))
    parts = [
        f"    (SELECT {label}::text AS table_name, t.server_xid, t.server_seq, to_jsonb(t) AS data\n"
        f"     FROM {rel} t\n"
        f"     WHERE {scope}(t.server_xid, t.server_seq) > (p_xid, p_seq) AND t.server_xid < v_horizon\n"
        "     ORDER BY t.server_xid, t.server_seq LIMIT p_limit)"
        for label, rel, scope in branches
    ]
    union = "\n    UNION ALL\n".join(parts)
    return f"""CREATE OR REPLACE FUNCTION sync.pull(p_xid xid8, p_seq bigint, p_limit integer)
RETURNS TABLE (table_name text, server_xid xid8, server_seq bigint, data jsonb)
LANGUAGE plpgsql STABLE SECURITY INVOKER
SET search_path = pg_catalog SET enable_sort = off SET enable_bitmapscan = off SET jit = off AS $f$
DECLARE
  v_station uuid := sync.current_station();
  v_horizon xid8 := {horizon};
BEGIN
  RETURN QUERY
  SELECT u.table_name, u.server_xid, u.server_seq, u.data FROM (
{union}
  ) AS u
  ORDER BY u.server_xid, u.server_seq
  LIMIT p_limit;
END $f$"""


def security_ddl(group: str, office: str, dbname: str) -> list[str]:
    """RLS (ENABLE + FORCE) with the station policy, and the device group's grants."""
    out: list[str] = []
    station_tables = [f"records.{t}" for t in schema.table_names()] + [
        "sync.batch",
        "sync.op_ledger",
        "sync.conflict",
        "sync.blob",
        "sync.blob_chunk",
    ]
    for t in station_tables:
        out += [
            f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS device_station ON {t}",
            f"CREATE POLICY device_station ON {t} TO {q(group)} "
            # (SELECT …): evaluated once per statement, not once per row
            "USING (station_id = (SELECT sync.current_station())) "
            "WITH CHECK (station_id = (SELECT sync.current_station()))",
            f"DROP POLICY IF EXISTS office_all ON {t}",
            f"CREATE POLICY office_all ON {t} TO {q(office)} USING (true) WITH CHECK (true)",
        ]
    out += [
        "ALTER TABLE sync.number_lease ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE sync.number_lease FORCE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS device_own ON sync.number_lease",
        f"CREATE POLICY device_own ON sync.number_lease FOR SELECT TO {q(group)} "
        "USING (device_role = session_user)",
        "DROP POLICY IF EXISTS office_all ON sync.number_lease",
        f"CREATE POLICY office_all ON sync.number_lease TO {q(office)} USING (true) WITH CHECK (true)",
        # Devices: no DELETE, no TRUNCATE anywhere; writes only through what RLS lets through.
        "REVOKE ALL ON ALL TABLES IN SCHEMA records, sync FROM PUBLIC",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC",
        "REVOKE ALL ON SCHEMA sync, records FROM PUBLIC",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA records, sync FROM {q(group)}",
        f"GRANT USAGE ON SCHEMA sync, records TO {q(group)}",
        f"GRANT SELECT, UPDATE ON ALL TABLES IN SCHEMA records TO {q(group)}",
        *(
            f"GRANT INSERT ({', '.join(insert_columns(t))}) ON records.{t} TO {q(group)}"
            for t in schema.table_names()
        ),
        f"GRANT SELECT, INSERT ON sync.batch, sync.op_ledger, sync.conflict, sync.blob_chunk TO {q(group)}",
        f"GRANT SELECT, INSERT, UPDATE ON sync.blob TO {q(group)}",
        f"GRANT SELECT ON sync.meta, sync.holiday_day, sync.number_lease TO {q(group)}",
        f"GRANT USAGE ON SEQUENCE sync.server_seq TO {q(group)}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA sync TO {q(group)}",
        # the lease token is the office's to make: a device that could call it could mint leases
        f"REVOKE EXECUTE ON FUNCTION sync.lease_token(text, text, text, integer, integer, integer) "
        f"FROM {q(group)}",
        # Nobody connects but the device logins and the office: PUBLIC's default CONNECT and TEMP go.
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {q(dbname)} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {q(dbname)} TO {q(group)}",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {q(dbname)} TO {q(office)}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA records, sync TO {q(office)}",
        f"GRANT USAGE ON SCHEMA sync, records TO {q(office)}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA sync TO {q(office)}",
    ]
    return out


# What `inspector office report` reads besides the pull indexes (docs/sync.md, "Office report"):
# each laptop's last batch and a station's batches of a week, the people held (not discharged, or
# discharged after the report's day) per station, and a detainee's custody events. Without them the
# report reads the whole ledger and the custody events once per held person (docs/benchmarks.md,
# "Office under load").
REPORT_INDEXES = [
    "CREATE INDEX IF NOT EXISTS batch_device ON sync.batch (device_role, received_at)",
    "CREATE INDEX IF NOT EXISTS batch_station ON sync.batch (station_id, received_at)",
    "CREATE INDEX IF NOT EXISTS detainee_held ON records.detainee (station_id, discharged_on) "
    "WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS custody_event_detainee ON records.custody_event (detainee_id)",
]


def report_index_names() -> list[str]:
    """Schema-qualified names of :data:`REPORT_INDEXES` (the benchmark drops them to compare)."""
    return [
        "sync.batch_device",
        "sync.batch_station",
        "records.detainee_held",
        "records.custody_event_detainee",
    ]


def full_ddl(group: str, office: str, dbname: str, existing: dict[str, set[str]]) -> list[str]:
    """Every statement, in order. ``existing`` maps the office's current record tables to their columns."""
    out = list(BASE_DDL)
    for t in schema.table_names():
        out += _table_ddl(t, existing.get(t))
    out += REPORT_INDEXES
    out += FUNCTIONS
    out += [apply_function(t) for t in schema.table_names()]
    out += [apply_set_function(t) for t in schema.table_names() if t not in schema.NUMBERED_TABLES]
    out += [push_function(), PUSH_JSONB_COMPAT, pull_function()]
    out += security_ddl(group, office, dbname)
    return out
