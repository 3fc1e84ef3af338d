package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/qmlgo/qml/vqc"
)

// FileFormat identifies bench.json; a change that removes or renames a key
// gets a new number, added keys do not.
const FileFormat = "qml-bench/1"

// Record is one finished run of a suite: the cell, what the model is, how
// it did (Final, the "final" object of the run's results.json) and what it
// cost. A run that failed keeps its Error and whatever it had.
type Record struct {
	Cell
	Kind    string `json:"kind"`
	Backend string `json:"backend,omitempty"`
	// Classical marks the reference models (every kind but vqc and pulse).
	Classical bool `json:"classical"`
	// Describe is the model in a few words, as qml train prints it.
	Describe string `json:"describe,omitempty"`
	// Dataset pins the data: SHA-256 of all samples before the split and
	// the split sizes, identical for every model on one dataset.
	DatasetSHA256 string `json:"dataset_sha256,omitempty"`
	Train         int    `json:"train,omitempty"`
	Test          int    `json:"test,omitempty"`
	Parameters    int    `json:"parameters"`
	// Epochs is the number of epochs (sweeps, for DMRG-trained models) run.
	Epochs int `json:"epochs"`
	// CircuitEvaluations counts circuit executions; 0 for classical models.
	CircuitEvaluations int64 `json:"circuit_evaluations"`
	// WallSeconds is the training time, the final evaluation left out.
	WallSeconds float64            `json:"wall_seconds"`
	Final       map[string]float64 `json:"final,omitempty"`
	Error       string             `json:"error,omitempty"`
}

// File is bench.json: the suite's identity, the machine and every finished
// run, in the order the runs finished.
type File struct {
	Format string `json:"format"`
	Suite  string `json:"suite"`
	// SuiteFile and SuiteSHA256 identify the suite file; shards of one
	// suite carry the same SHA-256.
	SuiteFile   string   `json:"suite_file"`
	SuiteSHA256 string   `json:"suite_sha256"`
	SplitSeed   uint64   `json:"split_seed"`
	Seeds       []uint64 `json:"seeds"`
	// Datasets and Models are the suite's, in file order, for the table.
	Datasets []string `json:"datasets"`
	Models   []string `json:"models"`
	// Shards lists the shards whose runs the file holds ("0/3"); empty
	// for an unsharded run.
	Shards      []string    `json:"shards,omitempty"`
	Environment Environment `json:"environment"`
	Records     []Record    `json:"records"`
}

// NewFile starts the bench.json of a suite, with no records.
func NewFile(s *Suite, env Environment) *File {
	f := &File{Format: FileFormat, Suite: s.Name, SuiteFile: s.File, SuiteSHA256: s.SHA256,
		SplitSeed: s.SplitSeed, Seeds: s.Seeds, Datasets: s.Datasets, Environment: env, Records: []Record{}}
	for _, m := range s.Models {
		f.Models = append(f.Models, m.Name)
	}
	return f
}

// Done returns the IDs of the cells that finished without error, the runs
// a resumed suite skips.
func (f *File) Done() map[string]bool {
	done := map[string]bool{}
	for _, r := range f.Records {
		if r.Error == "" {
			done[r.ID()] = true
		}
	}
	return done
}

// Add records r, replacing an earlier record of the same cell (a failed
// run that a resumed suite ran again).
func (f *File) Add(r Record) {
	f.Records = slices.DeleteFunc(f.Records, func(old Record) bool { return old.ID() == r.ID() })
	f.Records = append(f.Records, r)
}

// Write writes f to path as indented JSON, atomically: a reader (or a
// crash) sees the old file or the new one, never a torn one.
func (f *File) Write(path string) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return vqc.WriteFileAtomic(path, append(data, '\n'))
}

// ReadFile reads a bench.json.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if f.Format != FileFormat {
		return nil, fmt.Errorf("%s: format %q, want %q", path, f.Format, FileFormat)
	}
	return &f, nil
}

// Merge joins the files of shards of one suite into one, as if the suite
// had run unsharded: records in grid order (dataset, model, seed as the
// suite lists them). It refuses files of different suites (by the suite
// file's SHA-256) and a cell recorded twice with different results.
func Merge(files ...*File) (*File, error) {
	if len(files) == 0 {
		return nil, fmt.Errorf("merge: no files")
	}
	first := files[0]
	out := *first
	out.Records, out.Shards = nil, nil
	seen := map[string]Record{}
	for i, f := range files {
		if f.SuiteSHA256 != first.SuiteSHA256 {
			return nil, fmt.Errorf("merge: file %d is from suite %s (sha256 %.12s…), file 1 from %s (%.12s…)",
				i+1, f.Suite, f.SuiteSHA256, first.Suite, first.SuiteSHA256)
		}
		out.Shards = append(out.Shards, f.Shards...)
		for _, r := range f.Records {
			if old, ok := seen[r.ID()]; ok {
				if old.Error == "" && r.Error == "" && !sameFinal(old.Final, r.Final) {
					return nil, fmt.Errorf("merge: run %s is recorded twice with different results", r.ID())
				}
				if r.Error != "" {
					continue // keep the earlier (possibly successful) record
				}
			}
			seen[r.ID()] = r
		}
	}
	order := map[string]int{}
	for i, d := range first.Datasets {
		for j, m := range first.Models {
			order[d+"\x00"+m] = i*len(first.Models) + j
		}
	}
	for _, r := range seen {
		out.Records = append(out.Records, r)
	}
	slices.SortFunc(out.Records, func(a, b Record) int {
		if x, y := order[a.Dataset+"\x00"+a.Model], order[b.Dataset+"\x00"+b.Model]; x != y {
			return x - y
		}
		return seedIndex(first.Seeds, a.Seed) - seedIndex(first.Seeds, b.Seed)
	})
	slices.Sort(out.Shards)
	out.Shards = slices.Compact(out.Shards)
	return &out, nil
}

// seedIndex is the position of seed in seeds.
func seedIndex(seeds []uint64, seed uint64) int { return slices.Index(seeds, seed) }

// sameFinal reports whether two runs' metrics are identical.
func sameFinal(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
