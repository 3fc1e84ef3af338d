package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/bench"
	"github.com/qmlgo/qml/circuit"
)

// benchSimOptions holds the parsed flags of `qml bench sim`.
type benchSimOptions struct {
	io       *IO
	qubits   []int
	families []string
	qasm     []string
	engines  []string
	chi      int
	repeats  int
	out      string
}

func newBenchSimCmd(s *IO) *cobra.Command {
	o := &benchSimOptions{io: s}
	cmd := &cobra.Command{
		Use:   "sim [FILE.qasm...]",
		Short: "Time the simulators side by side on the same circuits",
		Long: `sim times every engine on every circuit — generated GHZ, QFT and brickwork
circuits of each --qubits size, and any QASM files given — one engine at a
time: a warm-up run, then --repeats timed runs of gate application only
(states are allocated before), reporting the median. Engines:

  statevector 1t / Nt, fused / unfused   one thread and all threads, with the
                                         cost-model gate fusion or none
  mps χ=CHI                              matrix product state, bond dimension --chi
  itsubaki/q                             the Go peer, up to 22 qubits

Per circuit and engine: median wall time, ns per gate per amplitude, the
speed-up over itsubaki/q, and the floor ratio: the time over (gates ×
the best streaming copy of a state of the same size on the same threads,
measured in the same run). A ratio of 1 is one memory pass per gate;
fusion and cache blocking go below it. Writes OUT/sim.json and OUT/sim.png
(time against qubits, log scale).`,
		Example: `  qml bench sim --qubits 20
  qml bench sim --qubits 12,16,20 --circuits qft,brickwork --repeats 5
  qml bench sim --qubits 0 examples/bench/circuits/layered_n20_d20.qasm   # files only
  qml bench sim --engines statevector,mps --chi 128 --qubits 24`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.qasm = args
			return runBenchSim(o)
		},
	}
	f := cmd.Flags()
	f.IntSliceVar(&o.qubits, "qubits", []int{16, 20}, "sizes of the generated circuits (0: none)")
	f.StringSliceVar(&o.families, "circuits", []string{"ghz", "qft", "brickwork"}, "generated circuit families: ghz, qft, brickwork")
	f.StringSliceVar(&o.engines, "engines", []string{"statevector", "mps", "itsubaki"}, "engines to time: statevector, mps, itsubaki")
	f.IntVar(&o.chi, "chi", 64, "bond dimension χ of the mps engine")
	f.IntVar(&o.repeats, "repeats", 3, "timed runs per circuit and engine (at least 3), after a warm-up")
	f.StringVar(&o.out, "out", filepath.Join("runs", "bench", "sim"), "output directory")
	return cmd
}

// runBenchSim times the engines.
func runBenchSim(o *benchSimOptions) error {
	if o.repeats < 3 {
		return fmt.Errorf("--repeats %d: want at least 3 (the median of fewer is not robust)", o.repeats)
	}
	if o.chi < 1 {
		return fmt.Errorf("--chi %d: want at least 1", o.chi)
	}
	var circuits []bench.SimCircuit
	for _, n := range o.qubits {
		if n == 0 {
			continue
		}
		for _, fam := range o.families {
			c, err := bench.GenerateCircuit(fam, n)
			if err != nil {
				return fmt.Errorf("--circuits/--qubits: %w", err)
			}
			circuits = append(circuits, c)
		}
	}
	for _, path := range o.qasm {
		c, err := readQASMFile(path)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		circuits = append(circuits, bench.SimCircuit{Name: name, Circuit: c})
	}
	if len(circuits) == 0 {
		return fmt.Errorf("no circuits: give --qubits sizes or QASM files")
	}
	var engines []bench.Engine
	for _, e := range bench.DefaultEngines(o.chi) {
		for _, want := range o.engines {
			if strings.HasPrefix(strings.ToLower(e.Name), strings.ToLower(want)) {
				engines = append(engines, e)
				break
			}
		}
	}
	if len(engines) == 0 {
		return fmt.Errorf("--engines %s: want some of statevector, mps, itsubaki", strings.Join(o.engines, ","))
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	w := o.io.Out
	fmt.Fprintf(w, "%d circuits × %d engines, median of %d runs after a warm-up\n", len(circuits), len(engines), o.repeats)
	results, err := bench.RunSim(ctx, circuits, engines, bench.SimOptions{Repeats: o.repeats,
		OnResult: func(r bench.SimResult) {
			if !o.io.IsTerminal {
				return
			}
			fmt.Fprintf(w, "  %s, %s: %.4g s\n", r.Circuit, r.Engine, r.Seconds)
		}})
	f := &bench.SimFile{Format: bench.SimFormat, Environment: bench.CurrentEnvironment(version), Repeats: o.repeats, Results: results}
	path := filepath.Join(o.out, simFile)
	if werr := f.Write(path); werr != nil {
		return werr
	}
	if err != nil {
		return &exitError{code: 130, err: fmt.Errorf("interrupted: the %d timings so far are in %s", len(results), path)}
	}
	fmt.Fprintln(w)
	if err := bench.SimMarkdown(w, results); err != nil {
		return err
	}
	png := filepath.Join(o.out, simPlotFile)
	if err := bench.PlotSim(results, png); err != nil {
		return fmt.Errorf("sim.png: %w", err)
	}
	fmt.Fprintf(w, "\nwrote %s and %s\n", path, png)
	return nil
}

// readQASMFile reads an OpenQASM 2.0 file.
func readQASMFile(path string) (*circuit.Circuit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return circuit.ReadQASM(f, path)
}
