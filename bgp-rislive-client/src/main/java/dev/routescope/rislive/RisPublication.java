package dev.routescope.rislive;

import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The one subscription of {@link RisLiveClient#publisher()}: a thread delivering on demand. */
final class RisPublication implements Flow.Subscription, Runnable {
    private final RisLiveClient client;
    private final Flow.Subscriber<? super RisMessage> subscriber;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition demandArrived = lock.newCondition();
    private long demand;
    private boolean cancelled;
    private boolean badRequest;
    private long badRequestValue;

    RisPublication(RisLiveClient client, Flow.Subscriber<? super RisMessage> subscriber) {
        this.client = client;
        this.subscriber = subscriber;
    }

    void start() {
        Thread t = new Thread(this, "rislive-publisher");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void request(long n) {
        lock.lock();
        try {
            if (n <= 0) {
                // Reactive Streams §3.9: signal onError for a non-positive request
                badRequest = true;
                badRequestValue = n;
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            demandArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            demandArrived.signalAll();
        } finally {
            lock.unlock();
        }
        client.close();
    }

    @Override
    public void run() {
        try {
            subscriber.onSubscribe(this);
            while (true) {
                if (!awaitDemand()) {
                    return;
                }
                if (noDemand()) {
                    // closed while the subscriber wanted nothing: complete without pushing unrequested items
                    subscriber.onComplete();
                    return;
                }
                RisMessage m = client.poll(TimeUnit.MILLISECONDS.toNanos(200));
                if (m == null) {
                    if (client.isEnded()) {
                        if (!isCancelled()) {
                            subscriber.onComplete();
                        }
                        return;
                    }
                    continue;
                }
                lock.lock();
                try {
                    demand--;
                } finally {
                    lock.unlock();
                }
                subscriber.onNext(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // §2.13: a subscriber that throws is treated as cancelled
            client.close();
        }
    }

    private boolean noDemand() {
        lock.lock();
        try {
            return demand == 0;
        } finally {
            lock.unlock();
        }
    }

    private boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitDemand() throws InterruptedException {
        lock.lock();
        try {
            while (demand == 0 && !cancelled && !badRequest) {
                demandArrived.await(200, TimeUnit.MILLISECONDS);
                if (client.isEnded() || client.isClosing()) {
                    break;
                }
            }
            if (badRequest) {
                cancelled = true;
                subscriber.onError(new IllegalArgumentException(
                        "request(" + badRequestValue + ") (expected: n > 0, Reactive Streams rule 3.9)"));
                client.close();
                return false;
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }
}
