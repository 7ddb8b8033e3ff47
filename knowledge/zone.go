package knowledge

import "time"

// China is the time zone of the notices' offices: every deadline, every
// "today" (本月, 逾期, --now) and every reminder time is read in it. It is
// Asia/Shanghai from the system's zone database, or, where the binary runs
// without one (a CGO-free binary in a scratch container), the fixed +08:00
// that China has kept without daylight saving since 1991. It is built once,
// here, so that no two packages can disagree about it.
var China = loadChina()

func loadChina() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*3600)
}
