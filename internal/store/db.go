// Package store is Braid's one database/sql implementation, for SQLite and PostgreSQL.
// Public methods on DB open transactions; all queries are methods on Tx so that a use
// case composes several of them, and its audit entry, in one transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// DB is an open database: a write pool and a read pool (the same pool on PostgreSQL).
type DB struct {
	dialect dialect
	write   *sql.DB
	read    *sql.DB
	// Now returns the current time; tests replace it.
	Now func() time.Time
	url string
	// live is the notification hub (live.go), made on first use.
	live     *Live
	liveOnce sync.Once
}

// Open opens the database named by url: "postgres://..." or "postgresql://..." for
// PostgreSQL, otherwise a SQLite file path (optionally prefixed "sqlite:").
func Open(ctx context.Context, url string) (*DB, error) {
	db := &DB{Now: time.Now, url: url}
	var err error
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		db.dialect = postgres
		db.write, err = sql.Open("pgx", url)
		if err != nil {
			return nil, err
		}
		db.write.SetMaxOpenConns(20)
		db.write.SetMaxIdleConns(10)
		db.write.SetConnMaxIdleTime(5 * time.Minute)
		db.read = db.write
	} else {
		db.dialect = sqlite
		path := strings.TrimPrefix(url, "sqlite:")
		if dir := filepath.Dir(path); dir != "." {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create database folder: %w", err)
			}
		}
		// One writer connection avoids SQLITE_BUSY between our own connections; readers
		// run in parallel thanks to WAL.
		pragmas := "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
		if db.write, err = sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_txlock=immediate"); err != nil {
			return nil, err
		}
		db.write.SetMaxOpenConns(1)
		if db.read, err = sql.Open("sqlite", "file:"+path+"?"+pragmas+"&mode=ro"); err != nil {
			return nil, err
		}
		db.read.SetMaxOpenConns(8)
	}
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return db, nil
}

// Dialect names the database engine: "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect.name }

// Close closes both pools.
func (db *DB) Close() error {
	if db.live != nil {
		db.live.close()
	}
	var err error
	if db.read != nil && db.read != db.write {
		err = db.read.Close()
	}
	if db.write != nil {
		err = errors.Join(err, db.write.Close())
	}
	return err
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.read.PingContext(ctx) }

// Tx is a transaction with the time it started, so that every row written in it
// carries the same timestamp and tests control time.
type Tx struct {
	tx      *sql.Tx
	dialect dialect
	Now     time.Time
}

// Write runs fn in a read-write transaction, committing when fn returns nil.
func (db *DB) Write(ctx context.Context, fn func(*Tx) error) error {
	return db.run(ctx, db.write, false, fn)
}

// Read runs fn in a read-only transaction.
func (db *DB) Read(ctx context.Context, fn func(*Tx) error) error {
	return db.run(ctx, db.read, true, fn)
}

func (db *DB) run(ctx context.Context, pool *sql.DB, readOnly bool, fn func(*Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: readOnly && db.dialect.name == "postgres"}
	sqlTx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return db.dialect.mapError(err)
	}
	// A panic in fn must not leave the transaction open: on SQLite it would hold the only
	// write connection and every later write would wait forever.
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			panic(p)
		}
	}()
	tx := &Tx{tx: sqlTx, dialect: db.dialect, Now: db.Now().UTC().Truncate(time.Microsecond)}
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return db.dialect.mapError(err)
	}
	return db.dialect.mapError(sqlTx.Commit())
}

func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := tx.tx.ExecContext(ctx, query, args...)
	return res, tx.dialect.mapError(err)
}

func (tx *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	rows, err := tx.tx.QueryContext(ctx, query, args...)
	return rows, tx.dialect.mapError(err)
}

func (tx *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(ctx, query, args...)
}

// notFound turns sql.ErrNoRows into a domain not-found error.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return domain.NotFound(what)
	}
	return err
}

// mustAffect returns not-found when an update or delete touched no row.
func mustAffect(res sql.Result, err error, what string) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return domain.NotFound(what)
	}
	return nil
}
