package statevector

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
)

// MaxQubits is the largest register New accepts whatever the memory limit:
// 2^40 amplitudes are 16 TiB.
const MaxQubits = 40

// fallbackMemory is the limit used when physical memory cannot be read.
const fallbackMemory = 8 << 30

var maxMemory atomic.Int64

func init() { maxMemory.Store(defaultMaxMemory("/proc/meminfo")) }

// MaxMemory returns the largest number of bytes New may allocate for the
// amplitudes of one state. The default is three quarters of the physical
// memory reported by /proc/meminfo (MemTotal), or 8 GiB where that cannot be
// read.
func MaxMemory() int64 { return maxMemory.Load() }

// SetMaxMemory sets the limit MaxMemory returns and returns the previous
// one. A limit of zero or less restores the default. It is safe to call
// concurrently with New.
func SetMaxMemory(bytes int64) (previous int64) {
	if bytes <= 0 {
		bytes = defaultMaxMemory("/proc/meminfo")
	}
	return maxMemory.Swap(bytes)
}

// defaultMaxMemory reads MemTotal from a /proc/meminfo-style file and
// returns three quarters of it.
func defaultMaxMemory(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return fallbackMemory
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || fields[0] != "MemTotal:" {
			continue
		}
		kib, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil || kib <= 0 {
			return fallbackMemory
		}
		return kib * 1024 / 4 * 3
	}
	return fallbackMemory
}

// checkSize returns an error unless a state of n qubits in precision p fits
// the limits.
func checkSize(n int, p Precision) error {
	if n < 0 {
		return fmt.Errorf("statevector: negative qubit count %d", n)
	}
	if n > MaxQubits {
		return fmt.Errorf("statevector: %d qubits is more than the %d a state vector can hold", n, MaxQubits)
	}
	need := p.bytes() << n
	if limit := MaxMemory(); need > limit {
		in := ""
		if p == Single {
			in = " in single precision"
		}
		return fmt.Errorf("statevector: %d qubits need %s%s, more than the %s limit", n, formatBytes(need), in, formatBytes(limit))
	}
	return nil
}

// formatBytes writes b in the largest binary unit that keeps it ≥ 1.
func formatBytes(b int64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	v, u := float64(b), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	return fmt.Sprintf("%.4g %s", v, units[u])
}
