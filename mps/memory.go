package mps

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// fallbackMemory is the cap used when physical memory cannot be read.
const fallbackMemory = 8 << 30

// DefaultMaxMemory returns the memory cap used when Options.MaxMemory is 0:
// three quarters of the physical memory that /proc/meminfo reports
// (MemTotal), or 8 GiB where it cannot be read. It is read once.
func DefaultMaxMemory() int64 { return defaultMaxMemory() }

var defaultMaxMemory = sync.OnceValue(func() int64 { return physicalMemory("/proc/meminfo") / 4 * 3 })

// physicalMemory reads MemTotal from a /proc/meminfo-style file.
func physicalMemory(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return fallbackMemory / 3 * 4
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
			break
		}
		return kib * 1024
	}
	return fallbackMemory / 3 * 4
}

// formatBytes writes b in the largest binary unit that keeps it ≥ 1.
func formatBytes(b float64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	u := 0
	for b >= 1024 && u < len(units)-1 {
		b /= 1024
		u++
	}
	return fmt.Sprintf("%.4g %s", b, units[u])
}
