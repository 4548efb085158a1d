-- A workspace as Kensho wrote it with schema version 2 (before achievement
-- methods, rating rules and acknowledged checks). Used to test the
-- migration to the current schema.
PRAGMA application_id = 1263424328;
PRAGMA user_version = 2;
CREATE TABLE sheet (  id INTEGER PRIMARY KEY,  municipality TEXT, title TEXT, label TEXT, notes TEXT,  fiscal_year INTEGER NOT NULL, plan_first INTEGER NOT NULL,  plan_last INTEGER NOT NULL, baseline_year INTEGER NOT NULL,  scale_name TEXT,  file_path TEXT, file_fingerprint TEXT,  unsaved INTEGER NOT NULL DEFAULT 0,  is_open INTEGER NOT NULL DEFAULT 0,  created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE INDEX sheet_path ON sheet (file_path);
CREATE TABLE rating (  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,  position INTEGER NOT NULL, rid TEXT NOT NULL, label TEXT NOT NULL,  colour TEXT, delayed INTEGER NOT NULL,  PRIMARY KEY (sheet_id, position));
CREATE TABLE division (  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,  position INTEGER NOT NULL, name TEXT NOT NULL,  PRIMARY KEY (sheet_id, position));
CREATE TABLE node (  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,  nid TEXT NOT NULL, parent TEXT, position INTEGER NOT NULL, kind INTEGER NOT NULL,  code TEXT, title TEXT, notes TEXT,  indicator_kind INTEGER, direction INTEGER, unit TEXT, division TEXT,  PRIMARY KEY (sheet_id, nid)) WITHOUT ROWID;
CREATE INDEX node_parent ON node (sheet_id, parent, position);
CREATE TABLE series (  sheet_id INTEGER NOT NULL, nid TEXT NOT NULL, position INTEGER NOT NULL, name TEXT,  PRIMARY KEY (sheet_id, nid, position),  FOREIGN KEY (sheet_id, nid) REFERENCES node (sheet_id, nid) ON DELETE CASCADE)  WITHOUT ROWID;
CREATE TABLE value (  sheet_id INTEGER NOT NULL, nid TEXT NOT NULL, series INTEGER NOT NULL,  slot INTEGER NOT NULL, fy INTEGER NOT NULL,  number TEXT, text TEXT, unit TEXT, period TEXT, note TEXT,  PRIMARY KEY (sheet_id, nid, series, slot, fy),  FOREIGN KEY (sheet_id, nid) REFERENCES node (sheet_id, nid) ON DELETE CASCADE)  WITHOUT ROWID;
CREATE TABLE year_record (  sheet_id INTEGER NOT NULL, nid TEXT NOT NULL, fy INTEGER NOT NULL,  activities TEXT, issues TEXT, next_steps TEXT, rating TEXT, delay_reason TEXT,  PRIMARY KEY (sheet_id, nid, fy),  FOREIGN KEY (sheet_id, nid) REFERENCES node (sheet_id, nid) ON DELETE CASCADE)  WITHOUT ROWID;
CREATE TABLE history (  id INTEGER PRIMARY KEY,  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,  saved_at INTEGER NOT NULL, path TEXT, content BLOB NOT NULL);
CREATE INDEX history_sheet ON history (sheet_id, id);

INSERT INTO sheet VALUES (1, 'テスト市', '総合戦略効果検証シート', '資料1', NULL, 2022, 2020, 2024, 2019, '3段階', '/shared/sheet.xml', 'abc', 1, 1, 1700000000, 1700000500);
INSERT INTO rating VALUES (1, 0, 'good', '順調', '#2E7D32', 0);
INSERT INTO rating VALUES (1, 1, 'late', '遅れ', '#C62828', 1);
INSERT INTO division VALUES (1, 0, '企画課');
INSERT INTO node VALUES (1, 'g1', NULL, 0, 1, '1', 'しごと', NULL, NULL, NULL, NULL, NULL);
INSERT INTO node VALUES (1, 'm1', 'g1', 1, 3, '①', '産業', NULL, NULL, NULL, NULL, NULL);
INSERT INTO node VALUES (1, 'i1', 'g1', 0, 4, NULL, '新規求人数', NULL, 1, 0, '件', '企画課');
INSERT INTO node VALUES (1, 'i2', 'm1', 0, 4, NULL, '刑法犯認知件数', NULL, 0, 1, '件', '企画課');
INSERT INTO series VALUES (1, 'i1', 0, NULL);
INSERT INTO series VALUES (1, 'i2', 0, NULL);
INSERT INTO value VALUES (1, 'i1', 0, 0, 0, '1563', NULL, '件', NULL, NULL);
INSERT INTO value VALUES (1, 'i1', 0, 1, 2022, '1486', NULL, '件', '令和4年度', NULL);
INSERT INTO value VALUES (1, 'i2', 0, 3, 0, NULL, '-', NULL, NULL, NULL);
INSERT INTO year_record VALUES (1, 'i1', 2022, '取組', '課題', '方策', 'late', '理由');
INSERT INTO history VALUES (1, 1, 1700000400, '/shared/sheet.xml', X'3C73686565742F3E');
