#!/bin/sh
# make_v8.sh makes testdata/v8.sqlite, testdata/v8.postgres.sql and
# testdata/v8.ledger.*.jsonl: databases made by the last release with schema
# version 8 (commit 3051f1b, "Merge branch 'i10-slack'", the last commit of
# main whose store/migrate.go ends at version 8), holding the supervision
# loop's data, for TestOpen_upgradesVersion8 (store/upgrade_v8_test.go).
#
# The old binary is built from `git archive` of that commit in a temporary
# directory and driven through its own command line only (docs/cli.md §2, §6),
# once against a SQLite file and once against a fresh PostgreSQL database,
# which is then dumped the way testdata/v3.postgres.sql was: pg_dump
# --no-owner --no-privileges --inserts --schema=public, session SETs dropped,
# the schema written {{schema}} so that a test loads it into a schema of its own.
#
# Run from the repository root: sh store/testdata/make_v8.sh
# Needs go, git, sqlite3, jq, psql and pg_dump; PostgreSQL at $PGURL (default
# postgres://postgres@127.0.0.1:5432), where it creates and drops a database
# named dutybot_make_v8.
set -eu

COMMIT=3051f1b987e55623522f11f9a047088240968000
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432}
PGDB=dutybot_make_v8
OUT=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive "$COMMIT" | tar -x -C "$work"
(cd "$work" && CGO_ENABLED=0 go build -o "$work/dutybot-v8" ./cmd/dutybot)

# say DSN WHEN USER MESSAGE...: the old binary's chat, one user, a fixed time.
say() {
	dsn=$1 when=$2 user=$3
	shift 3
	DUTYBOT_ADMINS=U0ADMIN "$work/dutybot-v8" chat --db "$dsn" --json --now "$when" --as "$user" "$@"
}

# conversation DSN: the whole loop on task 26 (lead 法制支队, responsible
# 市局办公室): sign, progress, a problem, claim, reject with a reason, progress,
# claim again, approve; task 2's part of 市局办公室 left in review, task 22's
# part of 法制支队 signed with progress; administrators' done, a channel
# binding, members of a group, liaisons added and one removed, an iam.
conversation() {
	d=$1
	say "$d" 2019-09-02T09:30:00+08:00 U0ADMIN \
		'liaison 法制支队 U0FAZHI' \
		'liaison 市局办公室 U0BGS <@U0BGS2>' \
		'liaison 市局办公室 -U0BGS2' \
		'bind 法制支队 C0FAZHI' \
		'members 各分县局 凤台县局 寿县局'
	say "$d" 2019-09-03T10:15:00+08:00 U0BGS \
		'签收 26' \
		'进展 26 已起草制度初稿' \
		'问题 26 缺少录像设备经费' \
		'签收 2'
	say "$d" 2019-09-05T15:00:00+08:00 U0BGS \
		'申请办结 26 制度已印发' \
		'claim 2 已完成'
	say "$d" 2019-09-06T11:20:00+08:00 U0FAZHI \
		'退回 26 市局办公室 缺少印发文件'
	say "$d" 2019-09-09T16:40:00+08:00 U0BGS \
		'进展 26 已补印发文件' \
		'申请办结 26 已补充印发文件'
	say "$d" 2019-09-10T09:05:00+08:00 U0FAZHI \
		'同意 26 市局办公室' \
		'ack 22' \
		'progress 22 正在修订细则'
	say "$d" 2019-09-10T17:00:00+08:00 U0ADMIN \
		'done 5' \
		'done 3 凤台县局'
	say "$d" 2019-09-11T08:50:00+08:00 U0BGS \
		'我是 市局办公室'
}

# ledger DSN: the old ledger's rows of the tasks the conversation touched,
# one per line. Its times are when this script ran, so each engine has its own.
ledger() {
	"$work/dutybot-v8" ledger --db "$1" --format json --now 2019-09-12 |
		jq -c '.[] | select(.task as $t | [2, 3, 5, 22, 26] | index($t))'
}

# SQLite
rm -f "$work/v8.sqlite"
conversation "$work/v8.sqlite"
sqlite3 "$work/v8.sqlite" 'VACUUM'
cp "$work/v8.sqlite" "$OUT/v8.sqlite"
ledger "$work/v8.sqlite" >"$OUT/v8.ledger.sqlite.jsonl"

# PostgreSQL
psql "$PGURL/postgres" -q -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB"
conversation "$PGURL/$PGDB?sslmode=disable"
ledger "$PGURL/$PGDB?sslmode=disable" >"$OUT/v8.ledger.postgres.jsonl"
{
	printf '%s\n' \
		'-- A PostgreSQL database made by dutybot at commit 3051f1b (schema version 8) by' \
		'-- store/testdata/make_v8.sh, dumped with pg_dump --no-owner --no-privileges --inserts' \
		'-- --schema=public; session SETs dropped and the schema written {{schema}} so that a' \
		'-- test loads it into a schema of its own.'
	pg_dump --no-owner --no-privileges --inserts --schema=public "$PGURL/$PGDB" |
		grep -v -e '^SET ' -e '^SELECT pg_catalog.set_config' -e '^--' -e '^CREATE SCHEMA public' -e '^COMMENT ON SCHEMA public' \
			-e '^\\restrict ' -e '^\\unrestrict ' |
		sed -e 's/\bpublic\./{{schema}}./g' |
		cat -s
} >"$OUT/v8.postgres.sql"
psql "$PGURL/postgres" -q -c "DROP DATABASE $PGDB"
