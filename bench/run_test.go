package bench

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// loadTiny reads the suite the run tests share: 8 runs of about 10 ms.
func loadTiny(t *testing.T) *Suite {
	t.Helper()
	s, err := LoadSuite("testdata/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// runInto runs cells of s on jobs goroutines into a fresh File.
func runInto(t *testing.T, s *Suite, cells []Cell, jobs int) *File {
	t.Helper()
	f := NewFile(s, Environment{})
	err := RunModels(context.Background(), s, cells, RunOptions{Jobs: jobs, OnDone: func(r Record) error {
		f.Add(r)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// table renders a file's table without times, the part fixed by the seeds.
func table(t *testing.T, f *File) string {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(&b, f, Summarise(f), TableOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestShardsMerge runs the tiny suite whole and in 3 shards: the merged
// shards hold the same runs with the same numbers, and print the same
// table, as the unsharded run.
func TestShardsMerge(t *testing.T) {
	s := loadTiny(t)
	whole := runInto(t, s, s.Grid(), 2)
	for _, r := range whole.Records {
		if r.Error != "" {
			t.Fatalf("%s: %s", r.ID(), r.Error)
		}
	}
	var shards []*File
	dir := t.TempDir()
	for i := range 3 {
		sh := Shard{Index: i, Count: 3}
		f := runInto(t, s, ShardOf(s.Grid(), sh), 1)
		f.Shards = []string{sh.String()}
		// Through the file on disk, as qml bench merge reads it.
		path := filepath.Join(dir, sh.String()[:1]+".json")
		if err := f.Write(path); err != nil {
			t.Fatal(err)
		}
		back, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		shards = append(shards, back)
	}
	merged, err := Merge(shards[2], shards[0], shards[1])
	if err != nil {
		t.Fatal(err)
	}
	if len(merged.Records) != len(whole.Records) {
		t.Fatalf("merged %d records, unsharded %d", len(merged.Records), len(whole.Records))
	}
	byID := map[string]Record{}
	for _, r := range whole.Records {
		byID[r.ID()] = r
	}
	for i, r := range merged.Records {
		if want := s.Grid()[i].ID(); r.ID() != want {
			t.Errorf("merged record %d is %s, want grid order (%s)", i, r.ID(), want)
		}
		if w := byID[r.ID()]; !sameFinal(r.Final, w.Final) || r.Parameters != w.Parameters || r.CircuitEvaluations != w.CircuitEvaluations {
			t.Errorf("%s: merged %v, unsharded %v", r.ID(), r.Final, w.Final)
		}
	}
	if got, want := table(t, merged), table(t, whole); got != want {
		t.Errorf("merged table\n%s\nunsharded table\n%s", got, want)
	}
	other := *shards[0]
	other.SuiteSHA256 = "0123"
	if _, err := Merge(shards[0], &other); err == nil {
		t.Error("Merge mixed two suites")
	}
}

// TestResume cancels a suite after its first runs, as SIGINT does: the
// file on disk is valid and holds exactly the finished runs, and a resumed
// run skips them.
func TestResume(t *testing.T) {
	s := loadTiny(t)
	path := filepath.Join(t.TempDir(), "bench.json")
	f := NewFile(s, Environment{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err := RunModels(ctx, s, s.Grid(), RunOptions{Jobs: 1, OnDone: func(r Record) error {
		f.Add(r)
		if len(f.Records) == 3 {
			cancel()
		}
		return f.Write(path)
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Records) != 3 || len(back.Done()) != 3 {
		t.Fatalf("file holds %d records (%d done), want 3", len(back.Records), len(back.Done()))
	}
	done := back.Done()
	var started atomic.Int32
	err = RunModels(context.Background(), s, s.Grid(), RunOptions{Jobs: 2,
		Skip:    func(c Cell) bool { return done[c.ID()] },
		OnStart: func(c Cell) { started.Add(1) },
		OnDone: func(r Record) error {
			if done[r.ID()] {
				t.Errorf("resumed run ran %s again", r.ID())
			}
			back.Add(r)
			return nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Grid()); int(started.Load()) != n-3 || len(back.Records) != n {
		t.Errorf("resume started %d runs and holds %d records; want %d and %d", started.Load(), len(back.Records), n-3, n)
	}
}

// TestRunCellFailure checks that a model failing on its data is a record
// with the error, not a failed suite.
func TestRunCellFailure(t *testing.T) {
	s, err := ParseSuite("f.yaml", []byte(`datasets: {iris: {dataset: iris}}
seeds: 1
models:
  - name: logistic
    model: {kind: logistic}
    train: {epochs: 1}
  - name: vqc
    model: {kind: vqc, task: classifier, qubits: 2, layers: 1}
    train: {epochs: 1}
`))
	if err != nil {
		t.Fatal(err)
	}
	f := runInto(t, s, s.Grid(), 2)
	rows := Summarise(f)
	if len(rows) != 2 || rows[0].Model != "logistic" || rows[1].Failed != 1 || rows[1].Error == "" {
		t.Fatalf("rows = %+v", rows)
	}
}
