/*
 * What libzmq itself delivers PUB -> SUB over loopback TCP on this machine (docs/benchmarks.md, "The transport's own
 * ceiling"). Each end runs in its own process, as the microscope's publisher and the monitor do. Every message is a
 * two-frame ZeroMQ message like a protocol v1 frame: a topic ("eels.frame") and a payload of SIZE bytes; the last one
 * has the topic "eels.end" and tells the subscriber to stop and print its sustained rate.
 *
 * It uses the libzmq5 that Debian's python3-zmq brings (no headers needed: the few calls are declared below):
 *
 *   gcc -O2 -o zmq_loopback_ceiling docs/scripts/zmq_loopback_ceiling.c /usr/lib/x86_64-linux-gnu/libzmq.so.5
 *   ./zmq_loopback_ceiling sub tcp://127.0.0.1:5599 200000 8300 &
 *   ./zmq_loopback_ceiling pub tcp://127.0.0.1:5599 200000 8300
 *
 * Both high-water marks are 0 (unbounded), so nothing is dropped and the subscriber's count is the whole story.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void *zmq_ctx_new(void);
int zmq_ctx_term(void *context);
void *zmq_socket(void *context, int type);
int zmq_close(void *socket);
int zmq_bind(void *socket, const char *endpoint);
int zmq_connect(void *socket, const char *endpoint);
int zmq_setsockopt(void *socket, int option, const void *value, size_t length);
int zmq_send(void *socket, const void *buffer, size_t length, int flags);
int zmq_recv(void *socket, void *buffer, size_t length, int flags);

enum { ZMQ_PUB = 1, ZMQ_SUB = 2, ZMQ_SNDMORE = 2, ZMQ_SUBSCRIBE = 6, ZMQ_SNDHWM = 23, ZMQ_RCVHWM = 24 };

static const char FrameTopic[] = "eels.frame";
static const char EndTopic[] = "eels.end";

static double seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

static int publish(void *context, const char *endpoint, long count, char *payload, size_t size)
{
    const int unbounded = 0;
    void *socket = zmq_socket(context, ZMQ_PUB);
    zmq_setsockopt(socket, ZMQ_SNDHWM, &unbounded, sizeof unbounded);
    if (zmq_bind(socket, endpoint) != 0) { fprintf(stderr, "cannot bind %s\n", endpoint); return 1; }
    sleep(1); /* a subscriber that connects late misses the first messages */

    double start = seconds();
    for (long i = 0; i < count; i++) {
        zmq_send(socket, FrameTopic, sizeof FrameTopic - 1, ZMQ_SNDMORE);
        zmq_send(socket, payload, size, 0);
    }
    zmq_send(socket, EndTopic, sizeof EndTopic - 1, ZMQ_SNDMORE);
    zmq_send(socket, "", 0, 0);
    double elapsed = seconds() - start;
    printf("libzmq PUB sent %ld messages of %zu bytes in %.2f s = %.0f/s\n", count, size, elapsed, count / elapsed);

    sleep(3); /* let the I/O thread flush before closing */
    zmq_close(socket);
    return 0;
}

static int subscribe(void *context, const char *endpoint, char *payload, size_t size)
{
    const int unbounded = 0;
    void *socket = zmq_socket(context, ZMQ_SUB);
    zmq_setsockopt(socket, ZMQ_RCVHWM, &unbounded, sizeof unbounded);
    zmq_setsockopt(socket, ZMQ_SUBSCRIBE, "", 0);
    if (zmq_connect(socket, endpoint) != 0) { fprintf(stderr, "cannot connect %s\n", endpoint); return 1; }

    char topic[32];
    long frames = 0;
    double start = 0;
    for (;;) {
        int topicLength = zmq_recv(socket, topic, sizeof topic, 0);
        zmq_recv(socket, payload, size, 0);
        if (topicLength == (int)(sizeof EndTopic - 1) && memcmp(topic, EndTopic, sizeof EndTopic - 1) == 0) break;
        if (frames++ == 0) start = seconds(); /* the clock starts at the first message, not at the connect */
    }
    double elapsed = seconds() - start;
    printf("libzmq SUB received %ld messages in %.2f s = %.0f/s\n", frames, elapsed, frames / elapsed);
    zmq_close(socket);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 5 || (strcmp(argv[1], "pub") != 0 && strcmp(argv[1], "sub") != 0)) {
        fprintf(stderr, "usage: %s pub|sub ENDPOINT COUNT SIZE\n", argv[0]);
        return 2;
    }
    long count = atol(argv[3]);
    size_t size = (size_t)atol(argv[4]);
    char *payload = calloc(size > 0 ? size : 1, 1);
    void *context = zmq_ctx_new();
    int status = strcmp(argv[1], "pub") == 0
        ? publish(context, argv[2], count, payload, size)
        : subscribe(context, argv[2], payload, size);
    zmq_ctx_term(context);
    free(payload);
    return status;
}
