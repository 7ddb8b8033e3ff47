-- A PostgreSQL database made by dutybot at commit 3051f1b (schema version 8) by
-- store/testdata/make_v8.sh, dumped with pg_dump --no-owner --no-privileges --inserts
-- --schema=public; session SETs dropped and the schema written {{schema}} so that a
-- test loads it into a schema of its own.

CREATE TABLE {{schema}}.assignments (
    id bigint NOT NULL,
    task_id bigint NOT NULL,
    unit_id bigint NOT NULL,
    role character varying(20) NOT NULL,
    "position" bigint NOT NULL,
    sub bigint DEFAULT 0 NOT NULL,
    via_unit_id bigint,
    done boolean NOT NULL,
    done_at timestamp with time zone,
    done_by character varying(200) NOT NULL
);

CREATE SEQUENCE {{schema}}.assignments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE {{schema}}.assignments_id_seq OWNED BY {{schema}}.assignments.id;

CREATE TABLE {{schema}}.audit_head (
    id bigint NOT NULL,
    seq bigint NOT NULL,
    hash character varying(64) NOT NULL
);

CREATE TABLE {{schema}}.audit_log (
    seq bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_user character varying(200) NOT NULL,
    actor_via character varying(50) NOT NULL,
    action character varying(50) NOT NULL,
    notice character varying(200) NOT NULL,
    task bigint NOT NULL,
    unit character varying(200) NOT NULL,
    before text NOT NULL,
    after text NOT NULL,
    prev character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    channel character varying(100) DEFAULT ''::character varying NOT NULL,
    team character varying(100) DEFAULT ''::character varying NOT NULL,
    role character varying(50) DEFAULT ''::character varying NOT NULL
);

CREATE TABLE {{schema}}.leases (
    lease_key character varying(200) NOT NULL,
    owner character varying(200) NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

CREATE TABLE {{schema}}.liaisons (
    unit_id bigint NOT NULL,
    user_id character varying(200) NOT NULL,
    added_at timestamp with time zone NOT NULL,
    added_by character varying(200) NOT NULL
);

CREATE TABLE {{schema}}.notice_units (
    notice_id bigint NOT NULL,
    unit_id bigint NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE {{schema}}.notices (
    id bigint NOT NULL,
    number character varying(200) NOT NULL,
    title text NOT NULL,
    issuer character varying(200) NOT NULL,
    date character varying(10) NOT NULL,
    table_title text NOT NULL,
    body text NOT NULL,
    note text NOT NULL,
    digest character varying(64) NOT NULL,
    imported_at timestamp with time zone
);

CREATE SEQUENCE {{schema}}.notices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE {{schema}}.notices_id_seq OWNED BY {{schema}}.notices.id;

CREATE TABLE {{schema}}.part_reports (
    id bigint NOT NULL,
    notice_id bigint NOT NULL,
    task bigint NOT NULL,
    unit_id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id character varying(200) NOT NULL,
    text text NOT NULL,
    problem boolean NOT NULL
);

CREATE SEQUENCE {{schema}}.part_reports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE {{schema}}.part_reports_id_seq OWNED BY {{schema}}.part_reports.id;

CREATE TABLE {{schema}}.part_reviews (
    id bigint NOT NULL,
    notice_id bigint NOT NULL,
    task bigint NOT NULL,
    unit_id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id character varying(200) NOT NULL,
    approved boolean NOT NULL,
    reason text NOT NULL
);

CREATE SEQUENCE {{schema}}.part_reviews_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE {{schema}}.part_reviews_id_seq OWNED BY {{schema}}.part_reviews.id;

CREATE TABLE {{schema}}.part_states (
    notice_id bigint NOT NULL,
    task bigint NOT NULL,
    unit_id bigint NOT NULL,
    state character varying(20) NOT NULL,
    signed_at timestamp with time zone,
    signed_by character varying(200) DEFAULT ''::character varying NOT NULL,
    claimed_at timestamp with time zone,
    claimed_by character varying(200) DEFAULT ''::character varying NOT NULL,
    claim_note text DEFAULT ''::text NOT NULL
);

CREATE TABLE {{schema}}.reminders (
    id bigint NOT NULL,
    reminder_key character varying(500) NOT NULL,
    notice character varying(200) NOT NULL,
    task bigint NOT NULL,
    unit character varying(200) NOT NULL,
    role character varying(20) NOT NULL,
    kind character varying(20) NOT NULL,
    at timestamp with time zone NOT NULL,
    due character varying(10) NOT NULL,
    state character varying(20) NOT NULL,
    attempts bigint NOT NULL,
    next_attempt timestamp with time zone NOT NULL,
    claim_owner character varying(200) NOT NULL,
    claim_until timestamp with time zone,
    last_error text NOT NULL,
    sent_at timestamp with time zone,
    channel character varying(100) NOT NULL,
    message_ts character varying(100) NOT NULL,
    reason text NOT NULL
);

CREATE SEQUENCE {{schema}}.reminders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE {{schema}}.reminders_id_seq OWNED BY {{schema}}.reminders.id;

CREATE TABLE {{schema}}.scheduler_runs (
    job character varying(200) NOT NULL,
    last_run timestamp with time zone NOT NULL
);

CREATE TABLE {{schema}}.schema_versions (
    version bigint NOT NULL,
    applied_at timestamp with time zone
);

CREATE TABLE {{schema}}.seen_events (
    id character varying(200) NOT NULL,
    seen_at timestamp with time zone NOT NULL
);

CREATE TABLE {{schema}}.seen_signatures (
    signature character varying(100) NOT NULL,
    expires_at bigint NOT NULL
);

CREATE TABLE {{schema}}.tasks (
    id bigint NOT NULL,
    notice_id bigint NOT NULL,
    number bigint NOT NULL,
    section text NOT NULL,
    section_numeral character varying(20) NOT NULL,
    subsection text NOT NULL,
    subsection_numeral character varying(20) NOT NULL,
    content text NOT NULL,
    deadline_text text NOT NULL,
    deadline_kind character varying(20) NOT NULL,
    deadline_date character varying(10) NOT NULL,
    periods text NOT NULL,
    note text NOT NULL
);

CREATE SEQUENCE {{schema}}.tasks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE {{schema}}.tasks_id_seq OWNED BY {{schema}}.tasks.id;

CREATE TABLE {{schema}}.unit_aliases (
    unit_id bigint NOT NULL,
    notice_id bigint NOT NULL,
    alias character varying(200) NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE {{schema}}.unit_members (
    unit_id bigint NOT NULL,
    "position" bigint NOT NULL,
    member character varying(200) NOT NULL
);

CREATE TABLE {{schema}}.units (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    is_group boolean NOT NULL,
    channel character varying(100) NOT NULL
);

CREATE SEQUENCE {{schema}}.units_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE {{schema}}.units_id_seq OWNED BY {{schema}}.units.id;

CREATE TABLE {{schema}}.users (
    user_id character varying(200) NOT NULL,
    unit_id bigint NOT NULL
);

ALTER TABLE ONLY {{schema}}.assignments ALTER COLUMN id SET DEFAULT nextval('{{schema}}.assignments_id_seq'::regclass);

ALTER TABLE ONLY {{schema}}.notices ALTER COLUMN id SET DEFAULT nextval('{{schema}}.notices_id_seq'::regclass);

ALTER TABLE ONLY {{schema}}.part_reports ALTER COLUMN id SET DEFAULT nextval('{{schema}}.part_reports_id_seq'::regclass);

ALTER TABLE ONLY {{schema}}.part_reviews ALTER COLUMN id SET DEFAULT nextval('{{schema}}.part_reviews_id_seq'::regclass);

ALTER TABLE ONLY {{schema}}.reminders ALTER COLUMN id SET DEFAULT nextval('{{schema}}.reminders_id_seq'::regclass);

ALTER TABLE ONLY {{schema}}.tasks ALTER COLUMN id SET DEFAULT nextval('{{schema}}.tasks_id_seq'::regclass);

ALTER TABLE ONLY {{schema}}.units ALTER COLUMN id SET DEFAULT nextval('{{schema}}.units_id_seq'::regclass);

INSERT INTO {{schema}}.assignments VALUES (1, 1, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (2, 1, 2, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (3, 1, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (4, 1, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (5, 2, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (6, 2, 1, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (7, 2, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (8, 2, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (9, 3, 4, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (10, 3, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (11, 3, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (12, 4, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (13, 4, 3, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (14, 4, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (15, 4, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (19, 6, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (20, 6, 4, 'lead', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (21, 6, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (22, 6, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (23, 7, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (24, 7, 6, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (25, 7, 2, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (26, 7, 4, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (27, 7, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (28, 8, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (29, 8, 1, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (30, 8, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (31, 8, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (32, 9, 6, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (33, 9, 1, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (34, 9, 2, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (35, 9, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (36, 9, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (37, 10, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (38, 10, 1, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (39, 10, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (40, 11, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (41, 11, 3, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (42, 11, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (43, 11, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (44, 12, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (45, 12, 6, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (46, 12, 2, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (47, 12, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (48, 12, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (49, 13, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (50, 13, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (51, 13, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (52, 14, 9, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (53, 14, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (54, 14, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (55, 15, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (56, 15, 2, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (57, 15, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (58, 15, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (59, 16, 7, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (60, 16, 2, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (61, 16, 6, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (62, 16, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (63, 16, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (64, 17, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (65, 17, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (66, 17, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (67, 18, 6, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (68, 18, 7, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (69, 18, 2, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (70, 18, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (71, 18, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (72, 19, 6, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (73, 19, 7, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (74, 19, 2, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (75, 19, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (76, 19, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (77, 20, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (78, 20, 3, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (79, 20, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (80, 20, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (81, 21, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (82, 21, 3, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (83, 21, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (84, 21, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (85, 22, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (86, 22, 6, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (87, 22, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (88, 22, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (89, 23, 8, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (90, 23, 2, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (91, 23, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (92, 24, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (93, 24, 7, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (94, 24, 8, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (95, 24, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (96, 25, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (97, 25, 2, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (98, 25, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (99, 25, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (100, 26, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (102, 26, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (103, 27, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (104, 27, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (105, 27, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (106, 28, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (107, 28, 3, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (108, 28, 11, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (109, 28, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (110, 28, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (111, 29, 6, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (112, 29, 7, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (113, 29, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (114, 29, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (115, 30, 6, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (116, 30, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (117, 30, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (118, 31, 6, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (119, 31, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (120, 31, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (121, 32, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (122, 32, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (123, 32, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (124, 33, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (125, 33, 7, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (126, 33, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (127, 33, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (128, 34, 1, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (129, 34, 2, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (130, 34, 7, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (131, 34, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (132, 34, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (133, 35, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (134, 35, 7, 'lead', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (135, 35, 6, 'lead', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (136, 35, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (137, 35, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (138, 36, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (139, 36, 6, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (140, 36, 7, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (141, 36, 12, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (142, 36, 13, 'responsible', 4, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (143, 37, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (144, 37, 6, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (145, 37, 7, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (146, 37, 10, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (147, 38, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (148, 38, 3, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (149, 38, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (150, 38, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (151, 39, 9, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (152, 39, 2, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (153, 39, 12, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (154, 39, 13, 'responsible', 3, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (155, 40, 2, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (156, 40, 12, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (157, 40, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (158, 41, 7, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (159, 41, 13, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (160, 42, 7, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (161, 42, 13, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (162, 43, 7, 'lead', 0, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (163, 43, 8, 'responsible', 1, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (164, 43, 13, 'responsible', 2, 0, NULL, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (165, 1, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (166, 1, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (167, 2, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (168, 2, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (170, 3, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (171, 4, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (172, 4, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (175, 6, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (176, 6, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (177, 7, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (178, 7, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (179, 8, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (180, 8, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (181, 9, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (182, 9, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (183, 11, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (184, 11, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (185, 12, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (186, 12, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (187, 13, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (188, 13, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (189, 14, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (190, 14, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (191, 15, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (192, 15, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (193, 16, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (194, 16, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (195, 17, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (196, 17, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (197, 18, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (198, 18, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (199, 19, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (200, 19, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (201, 20, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (202, 20, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (203, 21, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (204, 21, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (205, 22, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (206, 22, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (207, 23, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (208, 23, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (209, 24, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (210, 24, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (211, 25, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (212, 25, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (213, 26, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (214, 26, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (215, 27, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (216, 27, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (217, 28, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (218, 28, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (219, 29, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (220, 29, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (221, 30, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (222, 30, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (223, 31, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (224, 31, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (225, 32, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (226, 32, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (227, 33, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (228, 33, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (229, 34, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (230, 34, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (231, 35, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (232, 35, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (233, 36, 14, 'responsible', 4, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (234, 36, 15, 'responsible', 4, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (235, 38, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (236, 38, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (237, 39, 14, 'responsible', 3, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (238, 39, 15, 'responsible', 3, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (239, 40, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (240, 40, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (241, 41, 14, 'responsible', 1, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (242, 41, 15, 'responsible', 1, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (243, 42, 14, 'responsible', 1, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (244, 42, 15, 'responsible', 1, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (245, 43, 14, 'responsible', 2, 1, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (246, 43, 15, 'responsible', 2, 2, 13, false, NULL, '');
INSERT INTO {{schema}}.assignments VALUES (101, 26, 1, 'responsible', 1, 0, NULL, true, '2026-11-30 12:38:19.885598+00', 'U0FAZHI');
INSERT INTO {{schema}}.assignments VALUES (16, 5, 4, 'lead', 0, 0, NULL, true, '2026-11-30 12:38:19.987715+00', 'U0ADMIN');
INSERT INTO {{schema}}.assignments VALUES (17, 5, 13, 'responsible', 1, 0, NULL, true, '2026-11-30 12:38:19.987715+00', 'U0ADMIN');
INSERT INTO {{schema}}.assignments VALUES (18, 5, 5, 'responsible', 2, 0, NULL, true, '2026-11-30 12:38:19.987715+00', 'U0ADMIN');
INSERT INTO {{schema}}.assignments VALUES (173, 5, 14, 'responsible', 1, 1, 13, true, '2026-11-30 12:38:19.987715+00', 'U0ADMIN');
INSERT INTO {{schema}}.assignments VALUES (174, 5, 15, 'responsible', 1, 2, 13, true, '2026-11-30 12:38:19.987715+00', 'U0ADMIN');
INSERT INTO {{schema}}.assignments VALUES (169, 3, 14, 'responsible', 2, 1, 13, true, '2026-11-30 12:38:19.997139+00', 'U0ADMIN');

INSERT INTO {{schema}}.audit_head VALUES (1, 26, '343c9ba3eb2a1e20ca3defaccb772947c3886f6c7630d0e5847384370a1e4aa6');

INSERT INTO {{schema}}.audit_log VALUES (1, '2026-11-30 12:38:18.6474+00', 'dutybot', 'cli', 'notice.import', '淮公通〔2019〕395号', 0, '', '', '43 tasks, 13 units, sha256 4e896dbf7f3955eef72ba2b9128e55e4d8367ab063048466fb8caf4e2988a878', '', '93e85c18746f24fc8a2842cc97cc4030daa653639cc96028a958b71b95eee211', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (2, '2026-11-30 12:38:18.766857+00', 'U0ADMIN', 'console', 'liaison.add', '', 0, '法制支队', '', 'U0FAZHI', '93e85c18746f24fc8a2842cc97cc4030daa653639cc96028a958b71b95eee211', 'c39f5e0033085236b6a11ad7a0243f355ca6d17cde792d2241f5f7d1cca700a4', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (3, '2026-11-30 12:38:18.771759+00', 'U0ADMIN', 'console', 'liaison.add', '', 0, '市局办公室', '', 'U0BGS', 'c39f5e0033085236b6a11ad7a0243f355ca6d17cde792d2241f5f7d1cca700a4', 'caab89cc067996ece0250aaf84ab8a08239fb6097e27896444b3c0f3d08cb42d', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (4, '2026-11-30 12:38:18.771759+00', 'U0ADMIN', 'console', 'liaison.add', '', 0, '市局办公室', '', 'U0BGS2', 'caab89cc067996ece0250aaf84ab8a08239fb6097e27896444b3c0f3d08cb42d', 'e13dee8f70ab440ff0a81c3bc03341a89472d682e5298654998c2042932805db', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (5, '2026-11-30 12:38:18.773946+00', 'U0ADMIN', 'console', 'liaison.remove', '', 0, '市局办公室', 'U0BGS2', '', 'e13dee8f70ab440ff0a81c3bc03341a89472d682e5298654998c2042932805db', 'ca8df59350a825e0ce96f8848f0a976144d4a069f1351623a2707f3cfabff036', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (6, '2026-11-30 12:38:18.77666+00', 'U0ADMIN', 'console', 'unit.bind', '', 0, '法制支队', '', 'C0FAZHI', 'ca8df59350a825e0ce96f8848f0a976144d4a069f1351623a2707f3cfabff036', 'b2579d77879ef7117047f5a7838c29df6178e13c479011e3b7f5c7af57253619', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (7, '2026-11-30 12:38:18.778419+00', 'U0ADMIN', 'console', 'unit.members', '', 0, '各分县局', '', '凤台县局、寿县局', 'b2579d77879ef7117047f5a7838c29df6178e13c479011e3b7f5c7af57253619', '519c03a1b43a70458eb3459b07e61ff365834e8b3216f473aeafd8358649c791', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (8, '2026-11-30 12:38:18.928584+00', 'U0BGS', 'console', 'part.sign', '淮公通〔2019〕395号', 26, '市局办公室', 'open', 'signed', '519c03a1b43a70458eb3459b07e61ff365834e8b3216f473aeafd8358649c791', '00d6c6dbdfe65e3ed243f4b4b33f26921d2d0346a79798a168fa9b4fc3582376', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (9, '2026-11-30 12:38:18.944619+00', 'U0BGS', 'console', 'part.progress', '淮公通〔2019〕395号', 26, '市局办公室', '', '已起草制度初稿', '00d6c6dbdfe65e3ed243f4b4b33f26921d2d0346a79798a168fa9b4fc3582376', '70bddb7f9e6dadd5dacb999823f9d752efa838e29570f1618d2b892c4632a0b8', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (10, '2026-11-30 12:38:18.956149+00', 'U0BGS', 'console', 'part.problem', '淮公通〔2019〕395号', 26, '市局办公室', '', '缺少录像设备经费', '70bddb7f9e6dadd5dacb999823f9d752efa838e29570f1618d2b892c4632a0b8', '096b5dfcea2f75ea9011258efba39cd1f3ba521b4176aa8ee5ed365ad6b7a0b8', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (11, '2026-11-30 12:38:18.962578+00', 'U0BGS', 'console', 'part.sign', '淮公通〔2019〕395号', 2, '市局办公室', 'open', 'signed', '096b5dfcea2f75ea9011258efba39cd1f3ba521b4176aa8ee5ed365ad6b7a0b8', '2e6612462545a4b81d4fb50e66aab0979202f71a3914eb16a59a751e799a360c', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (12, '2026-11-30 12:38:19.30689+00', 'U0BGS', 'console', 'part.claim', '淮公通〔2019〕395号', 26, '市局办公室', 'signed', 'in_review: 制度已印发', '2e6612462545a4b81d4fb50e66aab0979202f71a3914eb16a59a751e799a360c', '99bde7a6a0b452ec071d5b7fe06290165ec584d1325778cad8226a52ce721819', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (13, '2026-11-30 12:38:19.31716+00', 'U0BGS', 'console', 'part.claim', '淮公通〔2019〕395号', 2, '市局办公室', 'signed', 'in_review: 已完成', '99bde7a6a0b452ec071d5b7fe06290165ec584d1325778cad8226a52ce721819', 'cc5cd72ed411d340633a820e4e3172978f33fc445a680e108a0307ef971659b4', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (14, '2026-11-30 12:38:19.463485+00', 'U0FAZHI', 'console', 'part.reject', '淮公通〔2019〕395号', 26, '市局办公室', 'in_review', 'open: 缺少印发文件', 'cc5cd72ed411d340633a820e4e3172978f33fc445a680e108a0307ef971659b4', '38b1063daa786cb62920f2f1b611954935c732f2985c96cf01e635589de5d75d', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (15, '2026-11-30 12:38:19.780476+00', 'U0BGS', 'console', 'part.progress', '淮公通〔2019〕395号', 26, '市局办公室', '', '已补印发文件', '38b1063daa786cb62920f2f1b611954935c732f2985c96cf01e635589de5d75d', 'a35721b7c5710dfe71a32aa165fa015636934b584bfa42a8804b5d09dd0e62fb', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (16, '2026-11-30 12:38:19.789954+00', 'U0BGS', 'console', 'part.claim', '淮公通〔2019〕395号', 26, '市局办公室', 'open', 'in_review: 已补充印发文件', 'a35721b7c5710dfe71a32aa165fa015636934b584bfa42a8804b5d09dd0e62fb', '4860da87495c7883713c8cb3103e6c48d02aa781ce35b2a015faa53c1717c34e', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (17, '2026-11-30 12:38:19.885598+00', 'U0FAZHI', 'console', 'part.approve', '淮公通〔2019〕395号', 26, '市局办公室', 'in_review', 'done', '4860da87495c7883713c8cb3103e6c48d02aa781ce35b2a015faa53c1717c34e', 'd834a7d4cc07b1d07bdacc88b3adb0167444ef4df0534ebb8e2a58dc3231eccb', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (18, '2026-11-30 12:38:19.899592+00', 'U0FAZHI', 'console', 'part.sign', '淮公通〔2019〕395号', 22, '法制支队', 'open', 'signed', 'd834a7d4cc07b1d07bdacc88b3adb0167444ef4df0534ebb8e2a58dc3231eccb', '707f52c7f5fab078d7940a1cbd491ee817dc266c226586cb378633c80104858f', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (19, '2026-11-30 12:38:19.907235+00', 'U0FAZHI', 'console', 'part.progress', '淮公通〔2019〕395号', 22, '法制支队', '', '正在修订细则', '707f52c7f5fab078d7940a1cbd491ee817dc266c226586cb378633c80104858f', '62d9dabb200664b2daa926c065cc82612d165ba0d30b7d4215f08e8afca31fef', '', '', '');
INSERT INTO {{schema}}.audit_log VALUES (20, '2026-11-30 12:38:19.987715+00', 'U0ADMIN', 'console', 'task.done', '淮公通〔2019〕395号', 5, '市局行政审批处', 'open', 'done', '62d9dabb200664b2daa926c065cc82612d165ba0d30b7d4215f08e8afca31fef', 'ef6886e99c3f8722df0684f5289012b2648a7e16432bcae02d3dee5d70b2db87', '', '', 'lead');
INSERT INTO {{schema}}.audit_log VALUES (21, '2026-11-30 12:38:19.987715+00', 'U0ADMIN', 'console', 'task.done', '淮公通〔2019〕395号', 5, '各分县局', 'open', 'done', 'ef6886e99c3f8722df0684f5289012b2648a7e16432bcae02d3dee5d70b2db87', 'e355a3cf94a1fb3c29a7fe0bc17b0bfcef04d1f4e4ce8423d141aa4790ecf82a', '', '', 'responsible');
INSERT INTO {{schema}}.audit_log VALUES (22, '2026-11-30 12:38:19.987715+00', 'U0ADMIN', 'console', 'task.done', '淮公通〔2019〕395号', 5, '凤台县局', 'open', 'done', 'e355a3cf94a1fb3c29a7fe0bc17b0bfcef04d1f4e4ce8423d141aa4790ecf82a', 'a76f8ff98e435daf303fe1645c6d36e4dcc1361ccd4b4cf68dda994c071e41e6', '', '', 'responsible');
INSERT INTO {{schema}}.audit_log VALUES (23, '2026-11-30 12:38:19.987715+00', 'U0ADMIN', 'console', 'task.done', '淮公通〔2019〕395号', 5, '寿县局', 'open', 'done', 'a76f8ff98e435daf303fe1645c6d36e4dcc1361ccd4b4cf68dda994c071e41e6', 'c6992573d736fbd6b53f4a7349f15b80437a6d234470dcad90732cb18f854ab0', '', '', 'responsible');
INSERT INTO {{schema}}.audit_log VALUES (24, '2026-11-30 12:38:19.987715+00', 'U0ADMIN', 'console', 'task.done', '淮公通〔2019〕395号', 5, '市局政务服务窗口', 'open', 'done', 'c6992573d736fbd6b53f4a7349f15b80437a6d234470dcad90732cb18f854ab0', 'a6bfc09f4d3d196e6ef4c54cb2bd84e4a97103e6d50a02c6eec5ac80b6f60449', '', '', 'responsible');
INSERT INTO {{schema}}.audit_log VALUES (25, '2026-11-30 12:38:19.997139+00', 'U0ADMIN', 'console', 'task.done', '淮公通〔2019〕395号', 3, '凤台县局', 'open', 'done', 'a6bfc09f4d3d196e6ef4c54cb2bd84e4a97103e6d50a02c6eec5ac80b6f60449', '4d7f1ecfac20f59f75dfd78e0e7340d46de1760f0929a3ad9a388241e284fb80', '', '', 'responsible');
INSERT INTO {{schema}}.audit_log VALUES (26, '2026-11-30 12:38:20.088202+00', 'U0BGS', 'console', 'user.iam', '', 0, '市局办公室', '', 'U0BGS: 市局办公室', '4d7f1ecfac20f59f75dfd78e0e7340d46de1760f0929a3ad9a388241e284fb80', '343c9ba3eb2a1e20ca3defaccb772947c3886f6c7630d0e5847384370a1e4aa6', '', '', '');

INSERT INTO {{schema}}.liaisons VALUES (2, 'U0FAZHI', '2026-11-30 12:38:18.766857+00', 'U0ADMIN');
INSERT INTO {{schema}}.liaisons VALUES (1, 'U0BGS', '2026-11-30 12:38:18.771759+00', 'U0ADMIN');

INSERT INTO {{schema}}.notice_units VALUES (1, 1, 0);
INSERT INTO {{schema}}.notice_units VALUES (1, 2, 1);
INSERT INTO {{schema}}.notice_units VALUES (1, 3, 2);
INSERT INTO {{schema}}.notice_units VALUES (1, 4, 3);
INSERT INTO {{schema}}.notice_units VALUES (1, 5, 4);
INSERT INTO {{schema}}.notice_units VALUES (1, 6, 5);
INSERT INTO {{schema}}.notice_units VALUES (1, 7, 6);
INSERT INTO {{schema}}.notice_units VALUES (1, 8, 7);
INSERT INTO {{schema}}.notice_units VALUES (1, 9, 8);
INSERT INTO {{schema}}.notice_units VALUES (1, 10, 9);
INSERT INTO {{schema}}.notice_units VALUES (1, 11, 10);
INSERT INTO {{schema}}.notice_units VALUES (1, 12, 11);
INSERT INTO {{schema}}.notice_units VALUES (1, 13, 12);

INSERT INTO {{schema}}.notices VALUES (1, '淮公通〔2019〕395号', '淮南市公安局关于贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度相关工作的通知', '淮南市公安局', '2019-09-03', '淮南市公安机关贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度任务分解表', '{"addressees":["各县局","各分局","驻局纪检组","市局各部门"],"cites":[{"Title":"安徽省全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案的通知","Number":"皖政办秘〔2019〕64号"},{"Title":"安徽省公安厅关于贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度相关工作的通知","Number":"皖公通〔2019〕17号"},{"Title":"淮南市人民政府办公室关于印发全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施细则的通知","Number":"淮府办秘〔2019〕50号"}],"preamble":"为全面贯彻落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度（以下简称“三项制度”），根据《安徽省全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案的通知》（皖政办秘〔2019〕64号）《安徽省公安厅关于贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度相关工作的通知》（皖公通〔2019〕17号）及《淮南市人民政府办公室关于印发全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施细则的通知》（淮府办秘〔2019〕50号）的要求，结合我市公安工作实际，对相关工作任务进行了任务分解，请认真贯彻执行，并提出如下要求：","sections":[{"Numeral":"一","Heading":"加强学习，充分认识“三项制度”建设工作的重要意义","Paragraphs":["“三项制度”是全面推进依法治国的重要举措，是新时代深化执法规范化建设、建设法治公安的重要抓手。","各单位要组织民警认真学习、解读相关文件精神，深刻认识全面推行“三项制度”对提升公安执法规范化水平、增强公安机关执法公信力的重要作用，增强落实“三项制度”的责任感、紧迫感。","各单位要根据本地实际工作情况因地制宜，对照任务分解表，查漏补缺、发扬优势，多措并举扎实推进，确保“三项制度”全面落地见效。"]},{"Numeral":"二","Heading":"明确任务，全面推进“三项制度”建设工作的贯彻落实","Paragraphs":["“三项制度”建设涉及范围广、时间紧、任务重，各单位要确保各项工作任务按时间节点有序推进，在规定的时限内保质保量地完成工作。","一要规范行政执法公示制度。","要明确公开途径和范围，严格遵守执法程序和时限要求，建立完善制度机制，加强审核把关，推动公示透明化，推进事前、事中、事后全过程公开。","二要深化执法全过程记录制度。","要加强音像记录、文字记录与信息系统记载的衔接，形成全面覆盖、有机衔接的执法记录链条，实现执法活动全过程记载、可回溯管理，有效规范执法活动，提高执法质量和效率。","三要健全重大执法决定法制审核制度。","要强化审核力量、严格审核程序、规范审核范围、明确审核责任、提高审核质量，确保重大执法决定法制审核制度落到实处。"]},{"Numeral":"三","Heading":"强化保障，确保“三项制度”建设工作收到实效","Paragraphs":["一要加强组织领导。","各级公安机关主要负责人作为全面推行“三项制度”工作的第一责任人，要切实加强对执法工作的领导，做好“三项制度”推动实施工作，加强日常工作指导和检查监督，制定工作计划和考核范围。","二要强化统筹协调。","各地、各单位各要增强协调配合的意识，树立全局“一盘棋”思想，健全完善会商协商机制，协同解决工作中遇到的矛盾和问题。","三要严格落实责任。","充分调动全面推行“三项制度”工作的积极性、主动性，科学选树典型，正面激励先进。","对工作不力的要及时督促整改，对工作中出现问题造成不良后果的单位及人员要通报批评，严肃问责。"]}],"closing":["各单位贯彻落实情况及执行中遇到的问题请及时联系市局。","附件：淮南市公安机关贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度任务分解表。"]}', '{"Text":"说明：“牵头单位”负责该项工作任务的统筹、协调、推进；“责任单位”负责具体工作任务的开展。","Lead":"负责该项工作任务的统筹、协调、推进","Responsible":"负责具体工作任务的开展"}', '4e896dbf7f3955eef72ba2b9128e55e4d8367ab063048466fb8caf4e2988a878', '2026-11-30 12:38:18.6474+00');

INSERT INTO {{schema}}.part_reports VALUES (1, 1, 26, 1, '2026-11-30 12:38:18.944619+00', 'U0BGS', '已起草制度初稿', false);
INSERT INTO {{schema}}.part_reports VALUES (2, 1, 26, 1, '2026-11-30 12:38:18.956149+00', 'U0BGS', '缺少录像设备经费', true);
INSERT INTO {{schema}}.part_reports VALUES (3, 1, 26, 1, '2026-11-30 12:38:19.780476+00', 'U0BGS', '已补印发文件', false);
INSERT INTO {{schema}}.part_reports VALUES (4, 1, 22, 2, '2026-11-30 12:38:19.907235+00', 'U0FAZHI', '正在修订细则', false);

INSERT INTO {{schema}}.part_reviews VALUES (1, 1, 26, 1, '2026-11-30 12:38:19.463485+00', 'U0FAZHI', false, '缺少印发文件');
INSERT INTO {{schema}}.part_reviews VALUES (2, 1, 26, 1, '2026-11-30 12:38:19.885598+00', 'U0FAZHI', true, '');

INSERT INTO {{schema}}.part_states VALUES (1, 2, 1, 'in_review', '2026-11-30 12:38:18.962578+00', 'U0BGS', '2026-11-30 12:38:19.31716+00', 'U0BGS', '已完成');
INSERT INTO {{schema}}.part_states VALUES (1, 26, 1, 'in_review', '2026-11-30 12:38:18.928584+00', 'U0BGS', '2026-11-30 12:38:19.789954+00', 'U0BGS', '已补充印发文件');
INSERT INTO {{schema}}.part_states VALUES (1, 22, 2, 'signed', '2026-11-30 12:38:19.899592+00', 'U0FAZHI', NULL, '', '');

INSERT INTO {{schema}}.schema_versions VALUES (1, '2026-11-30 12:38:18.454864+00');
INSERT INTO {{schema}}.schema_versions VALUES (2, '2026-11-30 12:38:18.504393+00');
INSERT INTO {{schema}}.schema_versions VALUES (3, '2026-11-30 12:38:18.507657+00');
INSERT INTO {{schema}}.schema_versions VALUES (4, '2026-11-30 12:38:18.540297+00');
INSERT INTO {{schema}}.schema_versions VALUES (5, '2026-11-30 12:38:18.607875+00');
INSERT INTO {{schema}}.schema_versions VALUES (6, '2026-11-30 12:38:18.609586+00');
INSERT INTO {{schema}}.schema_versions VALUES (7, '2026-11-30 12:38:18.610117+00');
INSERT INTO {{schema}}.schema_versions VALUES (8, '2026-11-30 12:38:18.612787+00');

INSERT INTO {{schema}}.tasks VALUES (1, 1, 1, '规范行政执法公示制度', '一', '强化事前公开', '一', '全市各级公安机关要全面准确及时主动公开行政执法主体、人员、职责、权限、依据、程序、救济渠道和随机抽查事项清单等信息。', '2019年8月底前', 'date', '2019-08-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (2, 1, 2, '规范行政执法公示制度', '一', '强化事前公开', '一', '编制并公开本机关的服务指南、执法流程图，明确执法事项名称、受理机构、审批机构、受理条件、办理时限等内容，并根据法律法规规章及机构职能变化情况在1个月内进行动态调整。', '2019年9月18日前', 'date', '2019-09-18', '[{"Text":"1个月内","Count":1,"Unit":"month","Month":0,"Day":0,"Clause":"并根据法律法规规章及机构职能变化情况在1个月内进行动态调整"}]', '');
INSERT INTO {{schema}}.tasks VALUES (3, 1, 3, '规范行政执法公示制度', '一', '规范事中公示', '二', '全面推行执法检查“双随机、一公开”制度。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (4, 1, 4, '规范行政执法公示制度', '一', '规范事中公示', '二', '执法人员在进行监督检查、调查取证、采取强制措施和强制执行、送达执法文书等执法活动时，必须主动出示警官证，出具行政执法文书，主动告知当事人执法事由、执法依据、权利义务等内容。在日常巡查、现场检查等执法活动中可采取佩戴执法证件方式，公示执法身份。执法时应当按规定着装、佩戴标识。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (5, 1, 5, '规范行政执法公示制度', '一', '规范事中公示', '二', '各级公安机关要在政务服务窗口设置岗位信息公示牌，明示工作人员岗位职责、申请材料示范文本、办理进度查询、咨询服务、投诉举报等信息。', '2019年8月底', 'date', '2019-08-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (6, 1, 6, '规范行政执法公示制度', '一', '加强事后公开', '三', '全市各级公安机关要在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息，行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开，法律、行政法规另有规定的除外。建立行政执法统计年报制度，各级公安机关应当于每年1月20日前公开本机关上年度行政执法总体情况有关数据，并报本级人民政府和上级主管部门。', '长期', 'ongoing', '', '[{"Text":"20个工作日内","Count":20,"Unit":"working_day","Month":0,"Day":0,"Clause":"全市各级公安机关要在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息"},{"Text":"7个工作日内","Count":7,"Unit":"working_day","Month":0,"Day":0,"Clause":"行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开"},{"Text":"每年1月20日前","Count":0,"Unit":"yearly","Month":1,"Day":20,"Clause":"各级公安机关应当于每年1月20日前公开本机关上年度行政执法总体情况有关数据"}]', '');
INSERT INTO {{schema}}.tasks VALUES (7, 1, 7, '规范行政执法公示制度', '一', '拓展公开的途径和范围', '四', '在公开对象上，既要向社会公开，又要向执法特定对象公开；在公开环节上，既要强化事前公开，又要规范事中公开，还要加强事后公开；在公开途径上，既要利用安徽政务服务网对外公示，又要积极利用移动客户端、电话、电子邮件等多种方式公开，提升人民群众获取执法信息的便捷性。在公开范围方面，要立足公安机关职责实际，在积极公开行政执法信息的同时，按照规定公开打击犯罪重大决策和行动、重大公共案事件调查进展、犯罪防范预警等刑事执法信息，并依法保障刑事案件当事人的知情权。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (8, 1, 8, '规范行政执法公示制度', '一', '建立完善制度机制', '五', '结合公安工作实际，围绕公开范围、公开内容、审核把关、检查评估等方面加强制度建设，细化公开工作要求，落实《安徽省公安机关警务公开工作规范》。', '2019年12月底', 'date', '2019-12-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (9, 1, 9, '规范行政执法公示制度', '一', '建立完善制度机制', '五', '调整完善相关信息系统自动生成公开信息的功能及相关工作机制，省公安厅负责执法公开系统开发建设，各级公安机关负责与本级政府统一的政务服务平台主管部门有效对接，确保适应“放管服”改革新要求，促进公安机关严格规范公正文明执法，保障公民、法人和其他组织依法获取执法信息和方便办事。', '2019年12月底', 'date', '2019-12-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (10, 1, 10, '规范行政执法公示制度', '一', '建立完善制度机制', '五', '要建立健全信息发布动态调整机制，根据“放管服”改革和“减证便民”行动等工作需求合理调整公开内容，做到简洁、准确、全面并随时更新。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (11, 1, 11, '规范行政执法公示制度', '一', '建立完善制度机制', '五', '要建立督导检查机制，对于应公开而不公开的，及时督促公开；对于公开不当的，及时予以纠正。', '长期', 'ongoing', '', '[]', '版面有歧义：牵头单位与责任单位两栏连在一起、中间没有分隔，督察支队既可读作牵头单位，也可读作责任单位；按较小的牵头单位读，督察支队列为责任单位（与第4、28、38项督察支队作责任单位一致）。');
INSERT INTO {{schema}}.tasks VALUES (12, 1, 12, '规范行政执法公示制度', '一', '加强审核把关', '六', '按照“谁执法、谁公示”的原则，落实执法单位公开主体责任，加强审核把关，规范公开行为。要增强保密意识、风险意识和公民权益保护意识，充分考虑社会影响和效果，不符合公开条件的，不得予以公开；符合公开条件的，要严格按照规定程序和要求公开，并对公开的内容进行技术处理，隐匿、删除涉密、敏感内容。一旦发现公开的信息不准确的，要及时予以更正。对已公开的执法决定被依法撤销、确认违法或者要求重新作出的，要及时撤下。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (13, 1, 13, '深化执法全过程记录制度', '二', '注重规范衔接', '一', '全市各级公安机关按照公安部印发的法律文书和制作说明，规范制作法律文书，做到文字记录合法规范、客观全面、及时准确；按照公安部有关执法操作指引和《安徽省公安机关现场执法音视频记录使用管理规定（试行）》，规范文明开展执法音像记录，对于现场执法、强制检测、查封扣押财产等直接涉及人身、财产权益的现场执法活动和执法办案场所执法活动，要全程录音录像；对调查取证、举行听证、留置送达和公告送达等容易发生争议的行政执法过程，要根据实际情况进行音像记录，必要时，全程录音录像。要注重音像记录、文字记录与信息系统记载的有效衔接，形成全面覆盖、有机整合、闭环管理的执法记录链条。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (14, 1, 14, '深化执法全过程记录制度', '二', '注重规范衔接', '一', '按照安徽省公安机关执法执勤规范用语要求，组织学习、强化应用。', '长期', 'ongoing', '', '[]', '原文写作“教育训练科”，按教育训练处计（同一单位）。');
INSERT INTO {{schema}}.tasks VALUES (15, 1, 15, '深化执法全过程记录制度', '二', '注重规范衔接', '一', '执行省公安厅梳理确定全省公安机关统一的音像记录事项。', '2019年12月底前', 'date', '2019-12-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (16, 1, 16, '深化执法全过程记录制度', '二', '完善执法视音频管理平台建设应用', '二', '按照“建设、使用、管理、应用”原则和《关于全面推进全省公安机关执法视音频记录系统建设和应用工作的通知》（皖公警保〔2015〕228号）安排，认真落实配备要求，规范设备使用管理，积极推动创新应用，确保各项工作任务扎实推进、取得实效。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (17, 1, 17, '深化执法全过程记录制度', '二', '严格记录归档', '三', '全市各级公安机关应当自行政执法行为终结之日起30日内将行政执法过程中形成的文字和音像记录资料，形成相应案卷。', '长期', 'ongoing', '', '[{"Text":"30日内","Count":30,"Unit":"day","Month":0,"Day":0,"Clause":"全市各级公安机关应当自行政执法行为终结之日起30日内将行政执法过程中形成的文字和音像记录资料，形成相应案卷"}]', '');
INSERT INTO {{schema}}.tasks VALUES (18, 1, 18, '深化执法全过程记录制度', '二', '严格记录归档', '三', '积极探索推进信息化记录存储方式，通过技术手段实现同一执法对象的文字记录、音像记录集中存储。建立健全基于互联网、电子认证、电子签章的行政执法全过程数据化记录工作机制，形成业务流程清晰、数据链条完整、数据安全有保障的数字化记录信息归档管理制度。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (19, 1, 19, '深化执法全过程记录制度', '二', '规范存储、管理和使用', '四', '要积极探索低成本、效果好、易保存、防删改的记录存储方式，有效整合各类执法记录信息，实现数据资源关联共享。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (20, 1, 20, '深化执法全过程记录制度', '二', '规范存储、管理和使用', '四', '对符合条件的视音频记录，要将其作为执法办案的证据和执法监督的依据，并按照有关规定替代书面记录，切实降低执法成本、提高执法效率。', '长期', 'ongoing', '', '[]', '版面有歧义：牵头单位与责任单位两栏连在一起、中间没有分隔，督察支队既可读作牵头单位，也可读作责任单位；按较小的牵头单位读，督察支队列为责任单位（与第4、28、38项督察支队作责任单位一致）。');
INSERT INTO {{schema}}.tasks VALUES (21, 1, 21, '深化执法全过程记录制度', '二', '规范存储、管理和使用', '四', '要充分发挥全过程记录信息对案卷评查、评议考核、舆情应对、行政决策和健全社会信用体系等工作的积极作用，善于通过统计分析记录资料信息，发现行政执法薄弱环节，改进行政执法工作。', '长期', 'ongoing', '', '[]', '版面有歧义：牵头单位与责任单位两栏连在一起、中间没有分隔，督察支队既可读作牵头单位，也可读作责任单位；按较小的牵头单位读，督察支队列为责任单位（与第4、28、38项督察支队作责任单位一致）。');
INSERT INTO {{schema}}.tasks VALUES (22, 1, 22, '深化执法全过程记录制度', '二', '规范存储、管理和使用', '四', '全市各级公安机关要建立健全记录信息调阅监督制度，做到可实时调阅。', '2019年10月底前', 'date', '2019-10-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (23, 1, 23, '完善重大执法决定法制审核制度', '三', '强化审核力量', '一', '要按照公安部关于加强公安法制队伍履职能力建设的意见要求，加强法制队伍建设，切实提升其履职能力。要结合机构改革、案管机构设立等工作，把政治素质高、业务能力强、具有法律专业背景的人员调整充实到法制审核岗位，使法制审核人员的配置与形势任务相适应。原则上各级公安机关的法制审核人员不少于本单位执法人员总数的5%。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (24, 1, 24, '完善重大执法决定法制审核制度', '三', '强化审核力量', '一', '法制审核人员不足的，可以通过政府购买服务的方式，借助法律专业人员协助做好法制审核工作。要充分发挥法律顾问、公职律师在法制审核工作中的作用，探索建立健全本地区、本系统内法律顾问、公职律师统筹调用机制，实现法律专业人才资源共享。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (25, 1, 25, '完善重大执法决定法制审核制度', '三', '制定审核目录明确审核范围', '二', '对重大、敏感案件，要从受（立）案开始，加强对案件“入口”“出口”等重点环节的法律审核，及时发现和纠正执法问题；对涉及重大公共利益、可能造成重大社会影响或者引发社会风险、直接关系行政相对人或者第三人重大权益的其他重大执法决定，要在审议、审批前进行法制审核。要结合本机关执法机构设置、人员配备和工作任务等实际情况，制定重大执法决定法制审核目录清单。上级公安机关要对下级公安机关重大执法决定法制审核目录清单编制工作加强指导，明确重大执法决定事项的标准。对以规范性文件为载体的重大执法决定，要按照有关规定落实合法性审核机制和备案审查制度。', '2019年9月底前', 'date', '2019-09-30', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (26, 1, 26, '完善重大执法决定法制审核制度', '三', '制定审核目录明确审核范围', '二', '各级公安机关应完成法制审核清单制定工作，并在本机关网站和本级政府统一的行政执法信息公示平台上进行公开，接受社会监督。', '2019年9月底前', 'date', '2019-09-30', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (27, 1, 27, '完善重大执法决定法制审核制度', '三', '明确审核内容和流程', '三', '法制审核机构严格执行《安徽省重大行政执法决定法制审核规定》第十条审核内容规定，另注意要严格审核行政执法主体是否合法，行政执法人员是否具备执法资格；违法行为是否涉嫌犯罪、需要移送司法机关等。要按照《安徽省重大行政执法决定法制审核规定》第十一条的规定，根据不同情况，分别提出同意、纠正或移送有权机关处理的审核意见，并说明理由。承办机构要对法制审核机构提出的存在问题的审核意见进行研究，作出相应处理后再次报送法制审核。严格执行《安徽省重大行政执法决定法制审核规定》有关法制审核流程的要求。各级行政执法机关要制定或修订法制审核流程，建立健全法制审核机构与行政执法承办机构对审核意见不一致时的协调机制。', '2019年9月底前', 'date', '2019-09-30', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (28, 1, 28, '完善重大执法决定法制审核制度', '三', '明确审核责任', '四', '公安机关主要负责人是推动落实本机关重大执法决定法制审核制度的第一责任人。行政执法承办机构对送审材料的真实性、准确性、完整性，以及执法的事实、证据、法律适用、程序的合法性负责。法制审核机构对重大执法决定的法制审核意见负责。承办机构、法制审核机构要按照《安徽省重大行政执法决定法制审核规定》规定的职责、程序、时限，分别负责完成送审、审核工作。因执法办案机构、执法办案人或审核人弄虚作假、隐瞒真相，导致审批人错误审批造成执法过错的，由执法办案人或者审核人承担主要责任。审批人在审批时改变或者不采纳执法办案人、审核人的正确意见造成执法过错的，由审批人承担责任。对因滥用职权、玩忽职守、徇私枉法等导致执法决定错误的，要依纪依法追究相关人员责任。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (29, 1, 29, '加强执法信息化建设', '四', '升级改造系统', '一', '依托警综平台升级改造执法办案相关信息系统，研发应用证据智能指引、执法问题自动预警提示功能。。', '长期', 'ongoing', '', '[]', '原文句末有重复的“。。”，按原文保留。');
INSERT INTO {{schema}}.tasks VALUES (30, 1, 30, '加强执法信息化建设', '四', '升级改造系统', '一', '积极探索执法信息的网上跨部门流转，强化部门间的执法业务协同，提升执法办案效率', '长期', 'ongoing', '', '[]', '原文任务内容末尾没有句号，按原文保留。');
INSERT INTO {{schema}}.tasks VALUES (31, 1, 31, '加强执法信息化建设', '四', '升级改造系统', '一', '要建设使用与执法办案信息系统配套的各类执法管理系统，强化对执法办案中心、执法办案区、执法音视频资料、涉案财物等信息化管理，并实现互联互通，构建对执法办案全方位、全要素、全流程管理的信息技术支撑。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (32, 1, 32, '加强执法信息化建设', '四', '全面推行网上办案', '二', '除案情涉及国家秘密等规定情形外，所有案件均应通过执法办案系统办理，实现执法办案的网上流程管理、网上审批、网上监督、和网上考评，切实解决“双轨制”问题。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (33, 1, 33, '加强执法信息化建设', '四', '全面推行网上办案', '二', '主动争取本地有关部门支持，积极推动电子签名、电子指纹和电子印章在案件办理中的应用，向科技、信息化要警力，促进减负增效。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (34, 1, 34, '加强执法信息化建设', '四', '提升政务服务信息化水平', '三', '认真落实国务院和省政府关于加快全国一体化在线政务服务平台建设的决策部署，推动政务服务“一网通办”。要依托公安“互联网+政务服务”平台开展网上行政服务管理工作，全面推行网上受理、网上审批，积极推进网上办公，让数据多跑路、群众少跑腿。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (35, 1, 35, '加强执法信息化建设', '四', '提升政务服务信息化水平', '三', '充分利用已有信息系统和数据资源，逐步构建操作信息化、文书数据化、过程痕迹化、责任明晰化、监督严密化、分析可量化的行政执法信息化体系，做到执法信息网上录入、执法程序网上流转、执法活动网上监督、执法决定实时推送、执法信息统一公示、执法信息网上查询，实现对行政执法活动的即时性、过程性、系统性管理。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (36, 1, 36, '加强执法信息化建设', '四', '加强信息共享和应用', '四', '完善执法数据汇集和信息共享机制，按照全国统一规范的执法数据标准，明确执法信息共享的种类、范围、流程和使用方式，促进执法数据高效采集、有效整合。要进一步推进信息共享，实现数据共享互通，解决“信息孤岛”等问题。已建设并使用的有关执法信息系统要加强业务协同，打通信息壁垒，实现数据共享互通。要积极推进人工智能技术在执法实践中的运用，运用大数据理念和方法分析记录资料信息，预测预警发案规律、治安形势等情况，自动生成各类办案统计台账、表格和民警工作台账。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (37, 1, 37, '加强执法信息化建设', '四', '加强信息共享和应用', '四', '要强化智慧执法和深度应用，探索对网上执法信息的分析研判，为领导决策、基层实战提供参考。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (38, 1, 38, '强化组织保障', '五', '加强组织领导', '一', '各级公安机关主要负责人作为全面推行“三项制度”工作的第一责任人，要切实加强对执法工作的领导，做好“三项制度”组织实施工作。要把全面实施“三项制度”作为法治公安建设重要项目列入工作计划和考核范围，明确工作目标、部门职责、进度要求，加强日常检查、监督。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (39, 1, 39, '强化组织保障', '五', '加强学习培训', '二', '要开展“三项制度”专题学习培训，加强业务交流。从执法语言、行为动作、操作规程等方面强化培训的针对性、有效性，提升执法人员特别是一线民警业务能力和执法素养。', '长期', 'ongoing', '', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (40, 1, 40, '强化组织保障', '五', '加强学习培训', '二', '要继续深化执法资格等级考试制度，督促所有执法办案民警取得基本级执法资格，积极采取措施鼓励和支持更多民警取得高级执法资格。要依照国家规定，督促、鼓励执法办案审核人员参加国家统一法律职业资格考试。要加强业务交流，鼓励不同地区、不同部门学习互动，相互借鉴，发挥示范引领作用，提升执法整体水平。', '', 'none', '', '[]', '表中该项进度要求栏为空。');
INSERT INTO {{schema}}.tasks VALUES (41, 1, 41, '强化组织保障', '五', '健全保障机制', '三', '落实省公安厅研究制定全省公安机关执法装备配备标准、装备配备规划、设施建设规划和年度实施计划和实施。各级公安机关要严格按照标准配备执法装备，将执法装备需求报本级人民政府列入财政预算。', '2019年12月底前', 'date', '2019-12-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (42, 1, 42, '强化组织保障', '五', '健全保障机制', '三', '积极争取党委政府支持，将新一代警综平台执法办案相关信息系统建设、公安“互联网+政务服务”平台建设、执法办案场所建设、音视频记录执法装备等经费需求报本级人民政府列入财政预算，加大资金投入，大力保障公安机关推行“三项制度”的需要。严格执行罚缴分离的收支两条线，严禁将收费、罚没收入同部门利益直接或变相挂钩。', '2019年12月底前', 'date', '2019-12-31', '[]', '');
INSERT INTO {{schema}}.tasks VALUES (43, 1, 43, '强化组织保障', '五', '健全保障机制', '三', '完善基层执法人员工资政策，严格执行执法人员人身意外伤害和工伤保险制度，落实国家抚恤政策。', '2019年12月底前', 'date', '2019-12-31', '[]', '');

INSERT INTO {{schema}}.unit_aliases VALUES (1, 1, '办公室', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (2, 1, '市局法制支队', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (2, 1, '法治支队', 1);
INSERT INTO {{schema}}.unit_aliases VALUES (3, 1, '市局督察支队', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (4, 1, '行政审批处', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (5, 1, '政务服务窗口', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (6, 1, '市局科技处', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (7, 1, '市局警务保障处', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (8, 1, '市局人事处', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (9, 1, '市局教育训练处', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (9, 1, '教育训练科', 1);
INSERT INTO {{schema}}.unit_aliases VALUES (10, 1, '市局指挥中心', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (11, 1, '纪检组', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (12, 1, '局各行政执法警种', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (12, 1, '市局各行政执法警种', 1);
INSERT INTO {{schema}}.unit_aliases VALUES (12, 1, '各执法警种', 2);
INSERT INTO {{schema}}.unit_aliases VALUES (12, 1, '行政执法警种', 3);
INSERT INTO {{schema}}.unit_aliases VALUES (12, 1, '执法警种', 4);
INSERT INTO {{schema}}.unit_aliases VALUES (13, 1, '各县分局', 0);
INSERT INTO {{schema}}.unit_aliases VALUES (13, 1, '分县局', 1);
INSERT INTO {{schema}}.unit_aliases VALUES (13, 1, '县分局', 2);
INSERT INTO {{schema}}.unit_aliases VALUES (13, 1, '各县、分局', 3);
INSERT INTO {{schema}}.unit_aliases VALUES (13, 1, '各县（分）局', 4);

INSERT INTO {{schema}}.unit_members VALUES (13, 0, '凤台县局');
INSERT INTO {{schema}}.unit_members VALUES (13, 1, '寿县局');

INSERT INTO {{schema}}.units VALUES (1, '市局办公室', false, '');
INSERT INTO {{schema}}.units VALUES (3, '督察支队', false, '');
INSERT INTO {{schema}}.units VALUES (4, '市局行政审批处', false, '');
INSERT INTO {{schema}}.units VALUES (5, '市局政务服务窗口', false, '');
INSERT INTO {{schema}}.units VALUES (6, '科技处', false, '');
INSERT INTO {{schema}}.units VALUES (7, '警务保障处', false, '');
INSERT INTO {{schema}}.units VALUES (8, '人事处', false, '');
INSERT INTO {{schema}}.units VALUES (9, '教育训练处', false, '');
INSERT INTO {{schema}}.units VALUES (10, '指挥中心', false, '');
INSERT INTO {{schema}}.units VALUES (11, '驻局纪检组', false, '');
INSERT INTO {{schema}}.units VALUES (12, '各行政执法警种', true, '');
INSERT INTO {{schema}}.units VALUES (13, '各分县局', true, '');
INSERT INTO {{schema}}.units VALUES (2, '法制支队', false, 'C0FAZHI');
INSERT INTO {{schema}}.units VALUES (14, '凤台县局', false, '');
INSERT INTO {{schema}}.units VALUES (15, '寿县局', false, '');

INSERT INTO {{schema}}.users VALUES ('U0BGS', 1);

SELECT pg_catalog.setval('{{schema}}.assignments_id_seq', 246, true);

SELECT pg_catalog.setval('{{schema}}.notices_id_seq', 1, true);

SELECT pg_catalog.setval('{{schema}}.part_reports_id_seq', 4, true);

SELECT pg_catalog.setval('{{schema}}.part_reviews_id_seq', 2, true);

SELECT pg_catalog.setval('{{schema}}.reminders_id_seq', 1, false);

SELECT pg_catalog.setval('{{schema}}.tasks_id_seq', 43, true);

SELECT pg_catalog.setval('{{schema}}.units_id_seq', 15, true);

ALTER TABLE ONLY {{schema}}.assignments
    ADD CONSTRAINT assignments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (seq);

ALTER TABLE ONLY {{schema}}.leases
    ADD CONSTRAINT leases_pkey PRIMARY KEY (lease_key);

ALTER TABLE ONLY {{schema}}.liaisons
    ADD CONSTRAINT liaisons_pkey PRIMARY KEY (unit_id, user_id);

ALTER TABLE ONLY {{schema}}.notice_units
    ADD CONSTRAINT notice_units_pkey PRIMARY KEY (notice_id, unit_id);

ALTER TABLE ONLY {{schema}}.notices
    ADD CONSTRAINT notices_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.part_reports
    ADD CONSTRAINT part_reports_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.part_reviews
    ADD CONSTRAINT part_reviews_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.part_states
    ADD CONSTRAINT part_states_pkey PRIMARY KEY (notice_id, task, unit_id);

ALTER TABLE ONLY {{schema}}.reminders
    ADD CONSTRAINT reminders_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.scheduler_runs
    ADD CONSTRAINT scheduler_runs_pkey PRIMARY KEY (job);

ALTER TABLE ONLY {{schema}}.schema_versions
    ADD CONSTRAINT schema_versions_pkey PRIMARY KEY (version);

ALTER TABLE ONLY {{schema}}.seen_events
    ADD CONSTRAINT seen_events_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.seen_signatures
    ADD CONSTRAINT seen_signatures_pkey PRIMARY KEY (signature);

ALTER TABLE ONLY {{schema}}.tasks
    ADD CONSTRAINT tasks_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.unit_aliases
    ADD CONSTRAINT unit_aliases_pkey PRIMARY KEY (unit_id, notice_id, alias);

ALTER TABLE ONLY {{schema}}.unit_members
    ADD CONSTRAINT unit_members_pkey PRIMARY KEY (unit_id, "position");

ALTER TABLE ONLY {{schema}}.units
    ADD CONSTRAINT units_pkey PRIMARY KEY (id);

ALTER TABLE ONLY {{schema}}.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (user_id);

CREATE UNIQUE INDEX idx_assignments_task_unit_role ON {{schema}}.assignments USING btree (task_id, unit_id, role);

CREATE INDEX idx_assignments_unit ON {{schema}}.assignments USING btree (unit_id);

CREATE INDEX idx_liaisons_user ON {{schema}}.liaisons USING btree (user_id);

CREATE UNIQUE INDEX idx_notices_number ON {{schema}}.notices USING btree (number);

CREATE INDEX idx_part_reports_part ON {{schema}}.part_reports USING btree (notice_id, task, unit_id, at);

CREATE INDEX idx_part_reviews_part ON {{schema}}.part_reviews USING btree (notice_id, task, unit_id, at);

CREATE INDEX idx_reminders_due ON {{schema}}.reminders USING btree (state, at);

CREATE UNIQUE INDEX idx_reminders_key ON {{schema}}.reminders USING btree (reminder_key);

CREATE INDEX idx_seen_events_seen_at ON {{schema}}.seen_events USING btree (seen_at);

CREATE INDEX idx_seen_signatures_expires_at ON {{schema}}.seen_signatures USING btree (expires_at);

CREATE UNIQUE INDEX idx_tasks_notice_number ON {{schema}}.tasks USING btree (notice_id, number);

CREATE UNIQUE INDEX idx_units_name ON {{schema}}.units USING btree (name);

ALTER TABLE ONLY {{schema}}.assignments
    ADD CONSTRAINT fk_assignments_unit FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE RESTRICT;

ALTER TABLE ONLY {{schema}}.notice_units
    ADD CONSTRAINT fk_notice_units_unit FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE RESTRICT;

ALTER TABLE ONLY {{schema}}.tasks
    ADD CONSTRAINT fk_notices_tasks FOREIGN KEY (notice_id) REFERENCES {{schema}}.notices(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.notice_units
    ADD CONSTRAINT fk_notices_units FOREIGN KEY (notice_id) REFERENCES {{schema}}.notices(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.assignments
    ADD CONSTRAINT fk_tasks_assignments FOREIGN KEY (task_id) REFERENCES {{schema}}.tasks(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.unit_aliases
    ADD CONSTRAINT fk_unit_aliases_notice FOREIGN KEY (notice_id) REFERENCES {{schema}}.notices(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.unit_aliases
    ADD CONSTRAINT fk_units_aliases FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.unit_members
    ADD CONSTRAINT fk_units_members FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.users
    ADD CONSTRAINT fk_users_unit FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE RESTRICT;

ALTER TABLE ONLY {{schema}}.liaisons
    ADD CONSTRAINT liaisons_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.part_reports
    ADD CONSTRAINT part_reports_notice_id_fkey FOREIGN KEY (notice_id) REFERENCES {{schema}}.notices(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.part_reports
    ADD CONSTRAINT part_reports_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.part_reviews
    ADD CONSTRAINT part_reviews_notice_id_fkey FOREIGN KEY (notice_id) REFERENCES {{schema}}.notices(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.part_reviews
    ADD CONSTRAINT part_reviews_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.part_states
    ADD CONSTRAINT part_states_notice_id_fkey FOREIGN KEY (notice_id) REFERENCES {{schema}}.notices(id) ON DELETE CASCADE;

ALTER TABLE ONLY {{schema}}.part_states
    ADD CONSTRAINT part_states_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES {{schema}}.units(id) ON DELETE CASCADE;

