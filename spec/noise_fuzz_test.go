package spec

import (
	"encoding/json"
	"errors"
	"testing"
)

// FuzzParseNoiseModel checks that the noise-model reader never panics, that
// every failure is an Errors of problems located in the file, and that
// what it accepts is CPTP and survives a JSON round trip.
func FuzzParseNoiseModel(f *testing.F) {
	f.Add(sampleNoise)
	f.Add(`{"channels": [{"type": "pauli", "pauli": {"XY": 0.1}}]}`)
	f.Add("channels:\n  - {type: thermal_relaxation, t1: 50, t2: 60, time: 5, excited: 0.1}\n")
	f.Add("readout: [{p1_given_0: 0.1, p0_given_1: 0.2, qubits: [3]}]")
	f.Add("channels: &a [*a]")
	f.Add("channels: [{type: bit_flip, p: &p 0.1}, {type: phase_flip, p: *p, gates: x}]")
	f.Fuzz(func(t *testing.T, src string) {
		m, err := ParseNoiseModel("f.yaml", []byte(src))
		if err != nil {
			var list Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T %v is not a non-empty Errors", err, err)
			}
			for _, e := range list {
				if e.File != "f.yaml" || e.Line < 0 {
					t.Fatalf("bad location in %v", e)
				}
			}
			return
		}
		for _, r := range m.Channels {
			if err := r.Channel.CheckCPTP(); err != nil {
				t.Fatal(err)
			}
		}
		js, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseNoiseModel("f.json", js); err != nil {
			t.Fatalf("round trip of %s: %v", js, err)
		}
	})
}
