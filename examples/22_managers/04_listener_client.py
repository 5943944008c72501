r"""
Listener 和 Client
==================

``multiprocessing.connection`` 是管理器底下的那一层：``Listener`` 监听一个地址，
``Client`` 连接过去，双方用 ``send()`` 和 ``recv()`` 收发任意可序列化的对象。
给了 ``authkey``，连接建立时双方先用它做一次挑战—应答认证，密钥不对就断开。
"""

# %%
# 客户端在子进程里运行，连上服务端后发两个对象，再收一个回复。
import multiprocessing
import secrets
from multiprocessing.connection import Client, Listener


def client(address, authkey, label):
    try:
        with Client(address, authkey=authkey) as conn:
            conn.send({"任务": "求和", "数据": [1, 2, 3]})
            conn.send("结束")
            print(f"{label}收到回复：", conn.recv(), flush=True)
    except multiprocessing.AuthenticationError as exc:
        print(f"{label}：AuthenticationError：{exc}", flush=True)


# %%
# 端口 0 表示让操作系统分配一个空闲端口，``listener.address`` 是实际的地址。
# 第二个客户端用了错误的密钥：服务端的 ``accept()`` 和客户端都会得到 ``AuthenticationError``。
if __name__ == "__main__":
    authkey = secrets.token_bytes(16)
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:
        print("监听：", listener.address[0])
        good = multiprocessing.Process(target=client, args=(listener.address, authkey, "客户端一"))
        good.start()
        with listener.accept() as conn:
            request = conn.recv()
            print(f"服务端收到：{request} 和 {conn.recv()!r}")
            conn.send(sum(request["数据"]))
        good.join()

        bad = multiprocessing.Process(target=client, args=(listener.address, b"guess", "客户端二"))
        bad.start()
        try:
            listener.accept()
        except multiprocessing.AuthenticationError as exc:
            error = exc
        bad.join()  # 等客户端二打印完，再打印服务端这边的错误
        print(f"服务端：AuthenticationError：{error}")
