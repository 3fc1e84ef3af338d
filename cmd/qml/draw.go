package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/circuit"
)

func init() { subcommands = append(subcommands, newDrawCmd) }

// drawOptions holds the parsed flags of `qml draw`.
type drawOptions struct {
	file     string
	width    int
	widthSet bool
	format   string
	out      string
}

// drawMaxBytes bounds the program qml draw reads.
const drawMaxBytes = 256 << 20

func newDrawCmd(s *IO) *cobra.Command {
	o := &drawOptions{}
	cmd := &cobra.Command{
		Use:   "draw FILE.qasm",
		Short: "Draw an OpenQASM 2.0 or 3 circuit as text or SVG",
		Long: `draw prints a diagram of a circuit: one wire per qubit with qubit 0 on top,
gates as boxes with their angles (multiples of π written as such), control
dots joined to their targets, measurements joined to the classical register
below, barriers, resets and classical conditions. A text diagram wider than
--width characters folds into pages (» at the end of a page, « at the start
of the next); the default width is $COLUMNS, or 80. --format svg writes an
SVG image instead. Files in OpenQASM 2.0 may use the trainable weights θ[i]
and data inputs x[j] in angles; OpenQASM 3 files declare them as inputs.`,
		Example: `  qml draw examples/bell.qasm
  qml draw examples/qft.qasm --width 120
  qml draw examples/variational.qasm --format svg -o variational.svg`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			o.widthSet = cmd.Flags().Changed("width")
			return runDraw(s, o)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.width, "width", 80, "fold text diagrams at this many characters (0: never; default $COLUMNS or 80)")
	f.StringVar(&o.format, "format", "text", "output format: text or svg")
	f.StringVarP(&o.out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// runDraw reads the circuit and writes its diagram.
func runDraw(s *IO, o *drawOptions) error {
	if o.format != "text" && o.format != "svg" {
		return &exitError{2, fmt.Errorf("--format %q: want text or svg", o.format)}
	}
	if o.width < 0 {
		return &exitError{2, fmt.Errorf("--width %d: want 0 (never fold) or more", o.width)}
	}
	if !o.widthSet {
		if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
			o.width = n
		}
	}
	c, err := readCircuit(o.file)
	if err != nil {
		return err
	}
	var sb strings.Builder
	if o.format == "svg" {
		err = c.DrawSVG(&sb)
	} else {
		err = c.Draw(&sb, o.width)
	}
	if err != nil {
		return err
	}
	if o.out == "" {
		_, err = io.WriteString(s.Out, sb.String())
		return err
	}
	return os.WriteFile(o.out, []byte(sb.String()), 0o644)
}

// readCircuit reads an OpenQASM program of either version, allowing the
// symbols θ[i] and x[j] in OpenQASM 2.0 angles.
func readCircuit(path string) (*circuit.Circuit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, drawMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(src) > drawMaxBytes {
		return nil, fmt.Errorf("%s: larger than the limit of %d MiB", path, drawMaxBytes>>20)
	}
	return circuit.ParseSymbolicQASM(string(src), path)
}
