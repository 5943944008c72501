r"""
pickle 协议会执行代码
=====================

``Connection.recv()``、管理器和队列收到的都是 pickle 数据，反序列化时可以调用任意函数。
下面的客户端发出一个对象，服务端一 ``recv()``，客户端指定的函数就在服务端进程里运行了。
所以服务端只能接受可信的对端：只监听本机地址，并且用保密的 ``authkey``。
"""

# %%
# ``Payload.__reduce__`` 告诉 pickle：“重建我时，请调用 ``print(...)``”。
# 服务端不需要知道 ``Payload`` 这个类，只需要有 ``print``；换成 ``os.system`` 也一样。
import multiprocessing
import secrets
from multiprocessing.connection import Client, Listener


class Payload:
    def __reduce__(self):
        return (print, ("这一行由客户端指定，却在服务端的 recv() 里执行",))


def client(address, authkey):
    with Client(address, authkey=authkey) as conn:
        conn.send(Payload())


# %%
# 这里客户端知道密钥，所以能通过认证。没有 ``authkey`` 的 ``Listener``
# 对任何能连上这个端口的人都是这样。
if __name__ == "__main__":
    authkey = secrets.token_bytes(16)
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:
        p = multiprocessing.Process(target=client, args=(listener.address, authkey))
        p.start()
        with listener.accept() as conn:
            result = conn.recv()
            print("recv() 返回：", result)
        p.join()
