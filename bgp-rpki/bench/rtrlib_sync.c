/* Time for RTRlib 0.8 to complete its first sync with an RTR cache, the reference for
 * RtrSyncBenchMain. Build: gcc -O2 -o rtrlib_sync rtrlib_sync.c $(pkg-config --cflags --libs rtrlib)
 * Usage: rtrlib_sync HOST PORT   (prints key=value lines) */
#include <rtrlib/rtrlib.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static atomic_long records;

static void on_pfx(struct pfx_table *t, const struct pfx_record rec, const bool added)
{
	(void)t;
	(void)rec;
	atomic_fetch_add(&records, added ? 1 : -1);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: rtrlib_sync HOST PORT\n");
		return 2;
	}
	double start = now_ms();
	struct tr_socket tr;
	struct tr_tcp_config tcp = {argv[1], argv[2], NULL, NULL, NULL, 0};
	tr_tcp_init(&tcp, &tr);
	struct rtr_socket rtr;
	rtr.tr_socket = &tr;
	struct rtr_socket *sockets[1] = {&rtr};
	struct rtr_mgr_group group = {sockets, 1, 1};
	struct rtr_mgr_config *conf;
	if (rtr_mgr_init(&conf, &group, 1, 3600, 7200, 600, on_pfx, NULL, NULL, NULL) != RTR_SUCCESS) {
		fprintf(stderr, "rtr_mgr_init failed\n");
		return 1;
	}
	rtr_mgr_start(conf);
	while (!rtr_mgr_conf_in_sync(conf)) {
		usleep(1000);
		if (now_ms() - start > 600000) {
			fprintf(stderr, "no sync within 10 minutes\n");
			return 1;
		}
	}
	double total = now_ms() - start;
	printf("impl=rtrlib\nvrps=%ld\nmain_to_synced_ms=%.0f\n", atomic_load(&records), total);
	rtr_mgr_stop(conf);
	rtr_mgr_free(conf);
	return 0;
}
