// The librdkafka C API, found through pkg-config `rdkafka` (>= 2.2, see scripts/setup.sh).
#include <librdkafka/rdkafka.h>
