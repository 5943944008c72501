r"""
JoinableQueue 的 task_done() 与 join()
======================================

``JoinableQueue`` 在 ``Queue`` 之上加了 ``task_done()`` 和 ``join()``：
消费者每处理完一项调用一次 ``task_done()``，
``join()`` 一直阻塞到放进去的每一项都被标记为完成。
"""

# %%
# 消费者处理完一项就调用一次 ``task_done()``；
# 读到哨兵 ``None`` 时也要调用一次，然后退出。
import multiprocessing
import time


def consumer(name, q):
    for item in iter(q.get, None):
        time.sleep(0.1)
        print(f"{name} 处理完 {item}")
        q.task_done()
    q.task_done()  # 哨兵也是 put() 进来的一项


# %%
# ``q.join()`` 返回时，六项都已处理完；
# 各项由哪个消费者处理、打印顺序如何，每次运行可能不同。
if __name__ == "__main__":
    q = multiprocessing.JoinableQueue()
    workers = [multiprocessing.Process(target=consumer, args=(f"消费者{i}", q)) for i in (1, 2)]
    for w in workers:
        w.start()
    for item in range(6):
        q.put(item)
    q.join()
    print("q.join() 返回：六项都已 task_done()")
    for _ in workers:
        q.put(None)
    for w in workers:
        w.join()
