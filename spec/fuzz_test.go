package spec

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, that every failure is
// an Errors of located problems, and that every accepted spec marshals to
// valid JSON (what results.json records).
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	files, _ := filepath.Glob("../examples/*.yaml")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, seed := range []string{
		"", "---", "- 1", "a: &x [1, 2]\nb: *x", "model: &m {qubits: 2}\nother: *m",
		"data: {<<: {dataset: iris}}", "data:\n  features: [*undefined]", "seed: 0x10\nmodel: {qubits: 1_000}",
		"train: {optimizer: {name: sgd, lr: .inf}}", "data: {angle_range: [\"pi/\", 0]}",
		"model: {kind: vqc, ansatz: {kind: circuit, gates: [{gate: u, qubits: [0], params: [a, b, c]}]}}",
		"? [complex, key]\n: value", "model: !!binary aGVsbG8=", "{{{{", "a: b: c",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data)
		if err != nil {
			var list Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T %v is not a non-empty Errors", err, err)
			}
			for _, e := range list {
				if e.File != "fuzz.yaml" || e.Line < 0 {
					t.Fatalf("bad location in %v", e)
				}
			}
			return
		}
		out, err := s.JSON()
		if err != nil {
			t.Fatalf("JSON of an accepted spec: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON %s", out)
		}
	})
}
