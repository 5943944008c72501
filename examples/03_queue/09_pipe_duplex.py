r"""
管道的方向
==========

``Pipe()`` 默认双向，两端都能收发；``Pipe(duplex=False)`` 是单向的：
返回的第一个连接只能收，第二个只能发。
"""

# %%
# ``try_call`` 调用一次 ``send()`` 或 ``recv()``，把结果或 ``OSError`` 打印出来。
import multiprocessing


def try_call(label, func, *args):
    try:
        result = func(*args)
    except OSError as exc:
        print(f"  {label}: OSError: {exc}")
    else:
        print(f"  {label}: 成功" + ("" if result is None else f"，得到 {result!r}"))


def child(conn):
    conn.send("子进程发来的")
    conn.close()


# %%
# 先在一个进程里试探单向管道和双向管道的每一端，再把单向管道的发送端交给子进程。
if __name__ == "__main__":
    r, w = multiprocessing.Pipe(duplex=False)
    print("r, w = Pipe(duplex=False)")
    try_call("w.send('x')", w.send, "x")
    try_call("r.recv()", r.recv)
    try_call("r.send('x')", r.send, "x")
    try_call("w.recv()", w.recv)

    a, b = multiprocessing.Pipe()
    print("a, b = Pipe()")
    try_call("a.send('x')", a.send, "x")
    try_call("b.recv()", b.recv)
    try_call("b.send('y')", b.send, "y")
    try_call("a.recv()", a.recv)

    r, w = multiprocessing.Pipe(duplex=False)
    p = multiprocessing.Process(target=child, args=(w,))
    p.start()
    w.close()  # 主进程自己不发送，关掉这一端
    print("主进程从 r 收到：", r.recv())
    p.join()
