# N clients, each on its own connection in its own thread, suspend and resume every one of the
# given running guests ROUNDS times in a shuffled order. Prints "OK <calls>" or the first errors.
# Usage: concurrent_clients.py URI CLIENTS ROUNDS NAME...
import random
import sys
import threading

import libvirt

uri, clients, rounds, names = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
errors = []
calls = [0]
lock = threading.Lock()


def client(seed):
    conn = libvirt.open(uri)
    rnd = random.Random(seed)
    try:
        for _ in range(rounds):
            order = list(names)
            rnd.shuffle(order)
            for n in order:
                d = conn.lookupByName(n)
                d.suspend()
                d.info()
                d.resume()
                with lock:
                    calls[0] += 3
    except libvirt.libvirtError as e:
        with lock:
            errors.append(str(e))
    finally:
        conn.close()


threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if errors:
    print("ERRORS", len(errors))
    for e in errors[:5]:
        print(e)
else:
    print("OK", calls[0])
