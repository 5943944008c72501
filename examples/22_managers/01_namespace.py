r"""
Namespace
=========

``manager.Namespace()`` 返回一个代理对象，给它的属性赋值会发到管理器的服务进程里，
所有进程都看得到。但取出来的属性是一份副本：就地修改一个列表属性，改的只是副本。
"""

# %%
# 每个子进程给命名空间加一个属性，再往列表属性 ``items`` 里追加一项，
# 一次直接 ``append``，一次取出、修改、再赋值回去。
import multiprocessing


def worker(ns, lock, i):
    setattr(ns, f"worker_{i}", f"进程 {i} 来过")
    ns.items.append(i)  # 取出的是副本，追加到副本上
    with lock:  # 取出、修改、赋值三步之间不能被别的进程插进来
        items = ns.items
        items.append(i * 10)
        ns.items = items


# %%
# ``lock`` 也由管理器创建，和命名空间一样作为参数传给子进程。
if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        ns = manager.Namespace()
        ns.items = []
        lock = manager.Lock()
        workers = [multiprocessing.Process(target=worker, args=(ns, lock, i)) for i in range(1, 4)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print("worker_1 =", ns.worker_1)
        print("worker_3 =", ns.worker_3)
        print("items 排序后：", sorted(ns.items))
